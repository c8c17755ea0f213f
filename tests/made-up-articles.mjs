// Made-up articles for the page's import tests and benchmark: words of Arabic letters drawn from a
// seeded mulberry32, whose 32-bit arithmetic keeps the sequence from repeating, so that every
// article differs (near-duplicates would be left out). Self-contained, so that it runs in Node and,
// handed to `page.evaluate`, in the page as it is.
//
// Returns { articles: [{ name, text }], vocabulary }: `count` articles of about `bytesEach` bytes
// of UTF-8, named article-0001.txt…, each a title line, a blank line, then sentences.
export function madeUpArticles({ count, bytesEach, seed = 7 }) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 3 + Math.floor(next() * 5) }, () => letters[Math.floor(next() * letters.length)]).join(''));
  const encoder = new TextEncoder();
  const articles = Array.from({ length: count }, (_, n) => {
    const lines = [`مقال رقم ${n + 1} عن ${vocabulary[n % vocabulary.length]}`, ''];
    let size = 0;
    while (size < bytesEach) {
      const words = Array.from({ length: 12 + Math.floor(next() * 20) }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
      const line = `${words.join(' ')}.`;
      lines.push(line);
      size += encoder.encode(line).length + 1;
    }
    return { name: `article-${String(n + 1).padStart(4, '0')}.txt`, text: lines.join('\n') };
  });
  return { articles, vocabulary };
}
