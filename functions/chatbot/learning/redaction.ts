/**
 * Removes personal data from a question before it is kept for staff review: e-mail addresses, phone
 * numbers (and other long digit runs such as IBANs), street addresses, and names where a message
 * introduces them ("ich heiße …", "my name is …", "меня зовут …", "benim adım …", "اسمي …",
 * "اسم من …"; and, capitalised words only, "ich bin …", "hier ist …", "this is …", "I'm …", "это …",
 * "я …", "це …", "ben …"), names before "hier", "here", "speaking", "на связи", "ben", after a form of
 * address ("Frau …", "Mr …"), after a greeting ("Hallo Anna,", and any two capitalised words after one:
 * "Hallo Maria Garcia wo …"), and signatures ("Viele Grüße, Anna", "— Fatima", a last line "Anna Schmidt",
 * "شكرا، يوسف").
 *
 * Where a name cannot be told apart it keeps less: Arabic script has no capitals, so after "أنا", "انا"
 * or "معك" the whole clause goes (up to punctuation or a word "و…"), and in Persian the one to three words
 * before "هستم" go unless they start with a predicate such as "دنبال" ("looking for"); a capitalised word
 * after "ich bin" goes even when it is a noun. `redaction-corpus.json` holds the phrasings this must
 * catch, in every language; its test also checks that the chatbot evaluation's questions stay as they are.
 *
 * Pragmatic, not complete: a name with no such cue ("Ahmed sucht einen Kurs") is not recognised, nor a
 * single name after a greeting that does not close the phrase ("Hallo Anna wo …"). That is why the
 * questions also expire (see `unansweredRetentionDays`) and are never logged.
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
  'lg',
  'vg',
  'mfg',
  'gruss',
  'grüsse',
  'tschüss',
  'пока',
  'teşekkür',
].map((word) => word.toLowerCase());

/**
 * Weaker introductions ("ich bin …", "this is …", "это …", "ben …"): common in other sentences too, so
 * only capitalised words after them count as a name ("Ich bin Lehrerin" loses a word; that is the price).
 */
const weakIntroductions = [
  'ich bin',
  "ich bin's",
  'ich bin’s',
  'ich bins',
  'hier ist',
  'hier spricht',
  'this is',
  "it's",
  'it’s',
  'it is',
  'i am',
  "i'm",
  'i’m',
  'это',
  'я',
  'це',
  'ben',
].map((phrase) => phrase.split(' '));

/** Words after a name that introduce it ("Ahmed Karimi hier", "Mehmet Demir ben", "Иван на связи"). */
const trailingIntroductions = [
  'hier',
  'here',
  'speaking',
  'am apparat',
  'тут',
  'здесь',
  'на связи',
  'ben',
].map((phrase) => phrase.split(' '));

/**
 * Arabic script has no capital letters, so after these introductions ("أنا …", "انا …", "معك …") the
 * whole clause up to the next punctuation or "و…" ("and …") goes: it cannot be told apart from a name.
 */
const arabicIntroductions = new Set(['أنا', 'انا', 'إنا', 'معك', 'معاك', 'معكم']);
/** Persian "… هستم" ("I am …"): the clause before it is a name, unless it starts with one of these. */
const persianCopulas = new Set(['هستم', 'هستیم']);
const persianPredicates = new Set(['دنبال', 'ساکن', 'مشغول', 'منتظر', 'اهل', 'خواهان', 'نیازمند']);
const persianClauseStarts = new Set(['من', 'سلام', 'درود', 'ما']);
/** Arabic-script sign-offs: the one or two words after them, ending the message, are a name. */
const arabicSignOffs = new Set(['شكرا', 'شكراً', 'تحياتي', 'ممنون', 'مرسی', 'سپاس', 'تشکر', 'متشکرم']);
const notNames = new Set(['جزيلا', 'جزيلاً', 'لك', 'لكم', 'زیاد', 'خیلی', 'از', 'شما']);

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
    if (allowPunctuation && /^[:,،–—-]+$/u.test(token.text.trim())) continue;
    return undefined;
  }
  return undefined;
}

/** The index of the phrase's last word when it starts at `index`, else undefined. */
function matchPhrase(tokens: Token[], index: number, phrase: string[]): number | undefined {
  let at: number | undefined = index;
  for (let word = 0; word < phrase.length && at !== undefined; word += 1) {
    if (lower(tokens[at]) !== phrase[word]) return undefined;
    if (word < phrase.length - 1) at = nextWord(tokens, at, false);
  }
  return at;
}

/** The index of the word before `index` when only spaces lie between. */
function previousWord(tokens: Token[], index: number): number | undefined {
  for (let previous = index - 1; previous >= 0; previous -= 1) {
    const token = tokens[previous];
    if (token?.kind === 'word') return previous;
    if (token?.kind !== 'space' || token.text.includes('\n')) return undefined;
  }
  return undefined;
}

const isArabicScript = (token: Token | undefined) => /^[\u0600-\u06FF]/u.test(token?.text ?? '');

/** True when only spaces and closing punctuation follow `index` to the end of the message. */
function endsMessage(tokens: Token[], index: number): boolean {
  return tokens.slice(index + 1).every((token) => token.kind === 'space' || /^[\s.!?؟]+$/u.test(token.text));
}

/**
 * The words of a closing signature starting at `first` (up to three, to the end of the message), or
 * undefined when more follows. Latin and Cyrillic words must be capitalised.
 */
function signature(tokens: Token[], first: number): number[] | undefined {
  const words: number[] = [];
  for (let at: number | undefined = first; at !== undefined; at = nextWord(tokens, at, false)) {
    const token = tokens[at];
    if (!isCapitalised(token) && !isArabicScript(token)) return undefined;
    if (isArabicScript(token) && notNames.has(lower(token))) return undefined;
    words.push(at);
    if (words.length > 3) return undefined;
    if (endsMessage(tokens, at)) return words;
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

/** True for a token that ends a clause: punctuation or a line break. */
const endsClause = (token: Token | undefined) =>
  !token ||
  (token.kind === 'other' && /[.,!?;:،؟؛—–]/u.test(token.text)) ||
  (token.kind === 'space' && token.text.includes('\n'));

/** Marks every word after `index` up to the end of the clause or a word "و…" ("and …") after the first. */
function markClause(tokens: Token[], index: number): void {
  let words = 0;
  for (let at = index + 1; at < tokens.length && !endsClause(tokens[at]); at += 1) {
    const token = tokens[at] as Token;
    if (token.kind !== 'word') continue;
    if (words > 0 && /^و/u.test(token.text)) return;
    token.name = true;
    words += 1;
  }
}

/** Marks the one to three words before Persian "هستم" back to the clause's start ("من", a greeting). */
function markPersianClause(tokens: Token[], index: number): void {
  const clause: number[] = [];
  for (let at = index - 1; at >= 0 && !endsClause(tokens[at]); at -= 1) {
    const token = tokens[at] as Token;
    if (token.kind !== 'word') continue;
    if (persianClauseStarts.has(token.text) || token.text === 'و') break;
    clause.unshift(at);
  }
  const first = tokens[clause[0] ?? -1];
  if (clause.length === 0 || clause.length > 3 || persianPredicates.has(first?.text ?? '')) return;
  for (const at of clause) (tokens[at] as Token).name = true;
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
      const at = matchPhrase(tokens, index, phrase);
      if (at === undefined) continue;
      const name = nextWord(tokens, at);
      // "اسمي بالشات" is "my name in the chat": a word starting with "بال" ("in the") is no name.
      if (name !== undefined && !/^بال/u.test(tokens[name]?.text ?? '')) markName(tokens, name, true);
      break;
    }
    // 1a. A weaker introduction: only capitalised words after it.
    for (const phrase of weakIntroductions) {
      const at = matchPhrase(tokens, index, phrase);
      if (at === undefined) continue;
      const name = nextWord(tokens, at);
      if (name !== undefined && isCapitalised(tokens[name])) markName(tokens, name, false);
    }
    // 1b. A name before the words that introduce it ("Hallo, Ahmed Karimi hier").
    if (trailingIntroductions.some((phrase) => matchPhrase(tokens, index, phrase) !== undefined)) {
      const run: number[] = [];
      let before = previousWord(tokens, index);
      while (before !== undefined && isCapitalised(tokens[before]) && run.length < 3) {
        run.unshift(before);
        before = previousWord(tokens, before);
      }
      // Only at the start of a clause or after a greeting: "in Würzburg here" is a place.
      if (before === undefined || greetings.includes(lower(tokens[before]))) {
        for (const at of run) (tokens[at] as Token).name = true;
      }
    }
    // 1c. Arabic script: the clause after "أنا …", and the clause before Persian "… هستم".
    if (arabicIntroductions.has(token.text)) markClause(tokens, index);
    if (persianCopulas.has(token.text)) markPersianClause(tokens, index);
    // 1d. A signature: after a dash, or after an Arabic-script sign-off, at the end of the message.
    const dash = tokens[index - 1]?.kind === 'space' ? tokens[index - 2] : tokens[index - 1];
    const afterDash = dash?.kind === 'other' && /(?:[—–]|(?:^|\s)--?)$/u.test(dash.text);
    if (afterDash || arabicSignOffs.has(token.text)) {
      const start = afterDash ? index : nextWord(tokens, index);
      const words = start === undefined ? undefined : signature(tokens, start);
      for (const at of words ?? []) (tokens[at] as Token).name = true;
    }
    // 1e. A last line of one to three capitalised words, or Arabic-script ones after a sign-off line.
    if (
      tokens[index - 1]?.kind === 'space' &&
      tokens[index - 1]?.text.includes('\n') &&
      isCapitalised(token)
    ) {
      for (const at of signature(tokens, index) ?? []) (tokens[at] as Token).name = true;
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
      // Two capitalised words after a greeting are taken for a name even mid-sentence ("Hallo Maria
      // Garcia wo …"): a place or noun there is lost, a name never kept.
      const second = nextWord(tokens, name, false);
      const twoWords = second !== undefined && isCapitalised(tokens[second]);
      if (twoWords || closesPhrase(tokens, name)) markName(tokens, name, false);
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
