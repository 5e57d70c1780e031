/**
 * Removes personal data from a question before it is kept for staff review: e-mail addresses, phone
 * numbers (and other long digit runs such as IBANs), street addresses, and names where a message
 * introduces them ("ich heiße …", "my name is …", "меня зовут …", "benim adım …", "اسمي …",
 * "اسم من …"), follows a form of address ("Frau …", "Mr …"), a greeting ("Hallo Anna,") or a sign-off
 * ("Viele Grüße, Anna").
 *
 * Pragmatic, not complete: a name with no such cue ("Ahmed sucht einen Kurs") is not recognised; after an
 * introduction in Arabic script (no capital letters) or in lower case, the two words after it are
 * removed unless the second is a connector, so a following word may go too; a greeting followed by a
 * name that does not close the phrase ("Hallo Anna wo …") is missed. That is why the questions also expire (see `unansweredRetentionDays`)
 * and are never logged.
 */
export const placeholders = {
  email: '[email]',
  phone: '[phone]',
  address: '[address]',
  name: '[name]',
} as const;

const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const iban = /\b[A-Z]{2}\p{Nd}{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,4})?\b/gu;
const digitRun = /(?:\+|\b00)?\p{Nd}[\p{Nd}\s/().-]{4,}\p{Nd}/gu;
const date = /^\p{Nd}{1,2}\.\s?\p{Nd}{1,2}\.\s?\p{Nd}{2,4}$|^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}$/u;
const street =
  /[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|street|road|sokak|sokağı|caddesi|улица|вулиця)\s*\p{Nd}+\s?[a-zA-Z]?\b/giu;

/** Words that introduce one's own name, per language, lower case, split into words. */
const introductions = [
  'ich heiße',
  'ich heisse',
  'mein name ist',
  'mein name',
  'my name is',
  "my name's",
  'my name',
  'call me',
  'i am called',
  'меня зовут',
  'моё имя',
  'мое имя',
  'мене звати',
  'мене звуть',
  "моє ім'я",
  'моє ім’я',
  'benim adım',
  'adım',
  'ismim',
  'benim ismim',
  'اسمي',
  'إسمي',
  'انا اسمي',
  'أنا اسمي',
  'اسم من',
  'اسمم',
  'نام من',
  'نامم',
].map((phrase) => phrase.split(' '));

/** Forms of address: the capitalised words after them are a name. */
const titles = new Set(
  'herr herrn frau mr mrs ms miss dr sayın bay bayan господин госпожа пан пані'.split(' '),
);
/** Greetings and sign-offs: a capitalised word right after them, closing a phrase, is a name. */
const greetings = [
  'hallo',
  'hi',
  'hey',
  'hello',
  'dear',
  'liebe',
  'lieber',
  'moin',
  'servus',
  'grüße',
  'gruß',
  'grüßen',
  'regards',
  'thanks',
  'danke',
  'cheers',
  'merhaba',
  'selam',
  'saygılar',
  'saygılarımla',
  'teşekkürler',
  'привет',
  'здравствуйте',
  'спасибо',
  'уважением',
  'привіт',
  'вітаю',
  'дякую',
  'повагою',
].map((word) => word.toLowerCase());

interface Token {
  text: string;
  kind: 'word' | 'space' | 'other';
  name?: boolean;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}'’-]+|\s+|[^\s\p{L}\p{M}]+/gu)].map(([part]) => ({
    text: part,
    kind: /^[\p{L}\p{M}]/u.test(part) ? 'word' : /^\s+$/u.test(part) ? 'space' : 'other',
  }));
}

const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';
const isCapitalised = (token: Token | undefined) => token?.kind === 'word' && /^\p{Lu}/u.test(token.text);

/** The index of the next word after `index`, skipping spaces and light punctuation (`:`, `,`, `-`). */
function nextWord(tokens: Token[], index: number, allowPunctuation = true): number | undefined {
  for (let next = index + 1; next < tokens.length; next += 1) {
    const token = tokens[next];
    if (!token) return undefined;
    if (token.kind === 'word') return next;
    if (token.kind === 'space') continue;
    if (allowPunctuation && /^[:,–—-]+$/u.test(token.text.trim())) continue;
    return undefined;
  }
  return undefined;
}

/** Words that follow a name without being part of it ("… and", "… ist", "… است"). */
const connectors = new Set(
  'and und ist bin from aus with mit is am i и из с і з та ve ile ben است هستم هست'.split(' '),
);

/**
 * Marks the name words that start at `first`, up to three: capitalised words after a capitalised one;
 * after an introduction written in lower case or in Arabic script, one more word unless it is a
 * connector (Arabic-script words starting with "و" are "and …").
 */
function markName(tokens: Token[], first: number, afterIntroduction: boolean): void {
  const start = tokens[first];
  if (!start) return;
  start.name = true;
  const caseless = afterIntroduction && !isCapitalised(start);
  let current = first;
  for (let count = 1; count < 3; count += 1) {
    const next = nextWord(tokens, current, false);
    const candidate = next === undefined ? undefined : tokens[next];
    if (next === undefined || !candidate) return;
    const continues = caseless
      ? count === 1 && !connectors.has(lower(candidate)) && !/^و/u.test(candidate.text)
      : isCapitalised(candidate);
    if (!continues) return;
    candidate.name = true;
    current = next;
  }
}

function closesPhrase(tokens: Token[], index: number): boolean {
  for (let next = index + 1; next < tokens.length; next += 1) {
    const token = tokens[next];
    if (!token || token.kind === 'space') continue;
    return token.kind === 'other' && /^[,.!?;:]/u.test(token.text);
  }
  return true;
}

function markNames(tokens: Token[]): void {
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.kind !== 'word') continue;
    // 1. An introduction: the next word is a name, whatever its case.
    for (const phrase of introductions) {
      let at: number | undefined = index;
      for (let word = 0; word < phrase.length && at !== undefined; word += 1) {
        if (lower(tokens[at]) !== phrase[word]) at = undefined;
        else if (word < phrase.length - 1) at = nextWord(tokens, at, false);
      }
      if (at === undefined) continue;
      const name = nextWord(tokens, at);
      if (name !== undefined) markName(tokens, name, true);
      break;
    }
    // 2. A form of address: the capitalised words after it.
    if (titles.has(lower(token).replace(/\.$/, ''))) {
      const name = nextWord(tokens, index + (tokens[index + 1]?.text === '.' ? 1 : 0));
      if (name !== undefined && isCapitalised(tokens[name])) markName(tokens, name, false);
    }
    // 3. A greeting or sign-off followed by a capitalised word that ends the phrase ("Hallo Anna,").
    if (greetings.includes(lower(token))) {
      const name = nextWord(tokens, index);
      if (name === undefined || !isCapitalised(tokens[name])) continue;
      const second = nextWord(tokens, name, false);
      const last = second !== undefined && isCapitalised(tokens[second]) ? second : name;
      if (closesPhrase(tokens, last)) markName(tokens, name, false);
    }
  }
}

function joinTokens(tokens: Token[]): string {
  let result = '';
  let inName = false;
  for (const [index, token] of tokens.entries()) {
    if (token.name) {
      if (!inName) result += placeholders.name;
      inName = true;
      continue;
    }
    // Spaces between two words of one name disappear into the placeholder.
    if (inName && token.kind === 'space' && tokens[nextWordIndex(tokens, index)]?.name) continue;
    inName = false;
    result += token.text;
  }
  return result;
}

function nextWordIndex(tokens: Token[], index: number): number {
  let next = index + 1;
  while (tokens[next]?.kind === 'space') next += 1;
  return next;
}

export function redactPersonalData(text: string): string {
  const withoutContacts = text
    .replace(email, placeholders.email)
    .replace(iban, placeholders.phone)
    .replace(street, placeholders.address)
    .replace(digitRun, (run) => {
      const digits = run.replace(/\P{Nd}/gu, '').length;
      return digits >= 6 && !date.test(run.trim()) ? placeholders.phone : run;
    });
  const tokens = tokenize(withoutContacts);
  markNames(tokens);
  return joinTokens(tokens);
}
