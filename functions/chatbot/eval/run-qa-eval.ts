import { evaluateQa } from './qa-evaluation';

/** `npm run eval:qa`: top-1 accuracy per language and the false-answer rate on the committed set. */
const result = evaluateQa();
const lines = [
  '| language | questions | correct | top-1 accuracy | out of scope | false answers |',
  '|---|---:|---:|---:|---:|---:|',
  ...result.perLanguage.map(
    (score) =>
      `| ${score.language} | ${score.questions} | ${score.correct} | ${(score.accuracy * 100).toFixed(1)} % | ${score.outOfScope} | ${score.falseAnswers} |`,
  ),
  '',
  `False-answer rate (any answer to an out-of-scope question): ${(result.falseAnswerRate * 100).toFixed(1)} %`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--misses')) {
  for (const miss of result.misses)
    process.stdout.write(
      `${miss.language}\t${miss.question}\n\texpected ${miss.expected}\n\tgot ${miss.got}\n`,
    );
}
