/**
 * Text folding shared by the knowledge matcher and the offering-query reader, so that a question typed
 * without diacritics, on a keyboard of another script variant, or in another inflection meets the same
 * words as the knowledge base and the word lists.
 */

const persianDigits = /[\u06F0-\u06F9]/g;
const arabicDigits = /[\u0660-\u0669]/g;

/**
 * Lower case without diacritics (ä→a, ş→s, Turkish dotless ı→i, ё→е, й→и), ß→ss, Arabic and Persian
 * letter variants unified (ي/ى→ی, ك→ک, ة→ه, hamza carriers), Ukrainian and Russian letters folded onto
 * one alphabet (і/ї/ы→и, є/э→е, ґ→г, soft and hard signs dropped) so the two languages meet, the
 * zero-width non-joiner (Persian plural "کلاس‌ها") and punctuation turned into spaces, digits ASCII.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\u200c/g, ' ')
    .replace(/İ/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(persianDigits, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(arabicDigits, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[يىئ]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/[ةۀ]/g, 'ه')
    .replace(/\u0640/g, '')
    .replace(/[іїы]/g, 'и')
    .replace(/[єэ]/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/[ьъ'ʼ’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The normalized words of a text. */
export function tokens(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(' ') : [];
}

const arabicScript = /^[\u0600-\u06FF]/;
const cyrillicScript = /^[\u0400-\u04FF]/;

/** Articles and prepositions glued to Arabic words ("بالمدرسة", "للشباب"), and Levantine "هال" (this). */
const arabicPrefixes = ['وبال', 'وال', 'بال', 'فال', 'کال', 'بهال', 'هال', 'لل', 'ال'];
/** Plural and possessive endings of Arabic and Persian (after folding ة→ه, ي→ی). */
const arabicSuffixes = ['هایی', 'های', 'ها', 'ات', 'ین', 'ون', 'یه', 'ه', 'ی'];
/** Case, number and verb endings of Ukrainian and Russian (after folding і/ы→и). */
const cyrillicSuffixes = [
  'ями',
  'ами',
  'ого',
  'ому',
  'ими',
  'ией',
  'иях',
  'иям',
  'ия',
  'ию',
  'ии',
  'ои',
  'ою',
  'ею',
  'ях',
  'ах',
  'ям',
  'ам',
  'ом',
  'ем',
  'ов',
  'ев',
  'еи',
  'ии',
  'ая',
  'яя',
  'ое',
  'ее',
  'ие',
  'а',
  'я',
  'о',
  'е',
  'и',
  'у',
  'ю',
];

/** Words are compared on their first letters: enough to tell topics apart, robust to inflection. */
const stemLength = 5;

/**
 * A light stem: glued articles and common endings removed by script, then the first five letters. The
 * language is not needed: Turkish, German and Slavic inflections change the end of a word, and the
 * character n-grams of the matcher catch what the stem misses.
 */
export function stem(word: string): string {
  let result = word;
  if (arabicScript.test(result)) {
    const prefix = arabicPrefixes.find((candidate) => result.startsWith(candidate));
    if (prefix && result.length - prefix.length >= 3) result = result.slice(prefix.length);
    const suffix = arabicSuffixes.find((candidate) => result.endsWith(candidate));
    if (suffix && result.length - suffix.length >= 3) result = result.slice(0, -suffix.length);
  } else if (cyrillicScript.test(result)) {
    const suffix = cyrillicSuffixes.find((candidate) => result.endsWith(candidate));
    if (suffix && result.length - suffix.length >= 4) result = result.slice(0, -suffix.length);
  }
  return result.slice(0, stemLength);
}

const stopWords = new Set(
  [
    // words every question has, in our languages, including the colloquial ones residents type;
    // they say nothing about the topic
    'der die das des und oder ist sind war was wer wie wo wann warum ich sie es er wir ihr ein eine einen',
    'den dem im in zu zum zur von vom mit für fur gibt gibts hier da an auf aus bei nach um über uber mal',
    'denn doch noch schon auch so sowas ne nen mir mich mein meine man kann können konnen ich hab habe',
    'the a an is are was were what who how where when why i you it its of in on to for do does did there',
    'this that these my me we they them can could would will be been any some with about at by from like',
    'whats hows thing stuff get got so just really actually please',
    'و في فی من ما هل على عن هو هي ان أن إن شو ايش ليش وين مين كيف کیف لي الي اللي يلي هاد هذا هذه',
    'بدي بدك عم رح في فيه فيها مع انا انت احنا هيك',
    've ile bir bu su o ne mi mu mı mü nedir nasil nasıl kim nerede neden icin için da de ki',
    'var yok ben sen biz siz bana beni bi acaba mi',
    'і й в у на що як де хто це з із до чи а та то ти ви я ми мене мені мой мій моя цей ця той там тут',
    'и в на что как где кто это с к ли а то ты вы я мы меня мне мой моя этот эта тот там тут есть',
    'вообще взагалі вже уже буде будуть був була було були будет будут был была было были',
    'який яка яке які какой какая какое какие который которая',
    'welche welcher welches wieso weshalb wofür wofur woher wohin sein wird werden wurde wurden hat haben hatte',
    'which whose whom will would should shall has have had',
    'hangi hangisi nasıl olacak',
    'ای کدوم کدام',
    'و در از به که را رو چه چی چیه کجا کی این اون آن آیا با تو من ما شما هم یه یک است هست هستن',
    'میشه می خوام میخوام باید برای',
  ]
    .join(' ')
    .split(' ')
    .map(normalizeText)
    .filter(Boolean),
);

/** A word every question has, in one of our languages: it says nothing about the topic. */
export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}
