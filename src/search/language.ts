import type { ReferenceLanguage } from '../corpus/types.js';

/**
 * SDK languages named in a question ("list directory groups in Ruby", "the C# call to create an
 * organization"). The name says which rendering of a method the reader wants, not what the page is
 * about, so it is taken out of the searched words and used as a ranking and snippet cue instead:
 * left in, "Ruby" pulls every page that mentions Ruby (install guides, SDK READMEs) above the method.
 *
 * Plain "go" is an English verb ("go live", "where do users go"), so it counts only as `Go` written
 * with a capital, or next to a word that makes it a language (golang, Go SDK, in go, go code).
 */
const PATTERNS: { language: ReferenceLanguage; re: RegExp }[] = [
  { language: 'dotnet', re: /(?:^|[^\w])(?:c#|c-sharp|csharp|\.net(?:\s+core)?|dotnet|asp\.net)(?![\w#])/gi },
  { language: 'python', re: /\b(?:python3?|django|flask|fastapi|pip)\b/gi },
  { language: 'ruby', re: /\b(?:ruby|rails|sinatra|rubygems?)\b/gi },
  { language: 'php', re: /\b(?:php|laravel|composer)\b/gi },
  { language: 'java', re: /\b(?:java|kotlin|spring\s+boot|maven|gradle)\b/gi },
  {
    language: 'go',
    re: /\bgolang\b|\bGo\b|\b(?:in|with|using|for)\s+go\b|\bgo\s+(?:sdk|library|code|module|package|client|function|func)\b/g,
  },
  { language: 'js', re: /\b(?:node(?:\.?js)?|javascript|typescript)\b/gi },
];

export interface LanguageInQuery {
  language?: ReferenceLanguage;
  /** The query with the language's name blanked out (same length, so offsets stay valid). */
  text: string;
}

/** First SDK language the question names (the earliest mention wins when it names two). */
export function detectLanguage(query: string): LanguageInQuery {
  let best: { language: ReferenceLanguage; index: number } | undefined;
  for (const { language, re } of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(query);
    if (m && (!best || m.index < best.index)) best = { language, index: m.index };
  }
  if (!best) return { text: query };
  const { re } = PATTERNS.find((p) => p.language === best.language)!;
  // "go" after "in/with" keeps the preposition: only the language's own word is blanked
  const text = query.replace(re, (m) => m.replace(/golang|go\b|Go\b|[^\s]+/gi, (w) => ' '.repeat(w.length)));
  return { language: best.language, text };
}
