// A word list ranked by position (the first word is rank 1), held compactly: the words as one
// string, their start offsets and an open-addressing hash table of ranks in typed arrays. For
// zxcvbn's dictionaries (236,000 words): the password-strength module holds 8 MiB of heap with
// it, against 27 MiB with zxcvbn's own tables (an object from word to rank, beside the word
// arrays the language packs keep), in every process that can rate a password (ADR 0025).

// A module binding, not a global read per character: in a vm context (Jest's) every read of a
// global goes through the context's interceptor, which made ratings several times slower.
const { imul } = Math;

/** FNV-1a over UTF-16 code units, 32 bits. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class RankedWords {
  /** Every word in rank order, each followed by a newline. */
  readonly #text: string;
  /** Where the word of rank r + 1 starts in #text; one more entry for the end. */
  readonly #starts: Int32Array;
  /** Rank of the word in the slot, 0 for an empty slot. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** The longest word's length. */
  readonly maxLength: number;

  /**
   * As zxcvbn ranks a list: by position from 1, and a word listed twice has its later rank.
   * Words may not contain a newline.
   */
  constructor(words: readonly string[]) {
    this.#text = `${words.join('\n')}\n`;
    this.#starts = new Int32Array(words.length + 1);
    let offset = 0;
    let longest = 0;
    words.forEach((word, index) => {
      if (word.includes('\n')) throw new Error(`a ranked word contains a newline: ${word}`);
      this.#starts[index] = offset;
      offset += word.length + 1;
      longest = Math.max(longest, word.length);
    });
    this.#starts[words.length] = offset;
    this.maxLength = longest;
    let size = 1;
    while (size < words.length * 2) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    words.forEach((word, index) => {
      this.#slots[this.#slotOf(word)] = index + 1;
    });
  }

  /** The word's slot: the one holding it, or the empty one where it would go. */
  #slotOf(word: string): number {
    const text = this.#text;
    const starts = this.#starts;
    const slots = this.#slots;
    let slot = hashOf(word) & this.#mask;
    for (;;) {
      const rank = slots[slot]!;
      if (rank === 0) return slot;
      const start = starts[rank - 1]!;
      if (starts[rank]! - start - 1 === word.length && text.startsWith(word, start)) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The word's rank, undefined when it is not in the list. */
  rank(word: string): number | undefined {
    if (word.length > this.maxLength) return undefined;
    const rank = this.#slots[this.#slotOf(word)]!;
    return rank === 0 ? undefined : rank;
  }

  /**
   * A read-only record view (`view[word]` is the rank), for a reader that looks words up as
   * properties of a plain object. It lists no keys: nothing can be enumerated.
   */
  asRecord(): Readonly<Record<string, number>> {
    return new Proxy(Object.create(null) as Record<string, number>, {
      get: (_target, key) => (typeof key === 'string' ? this.rank(key) : undefined),
      has: (_target, key) => typeof key === 'string' && this.rank(key) !== undefined,
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    });
  }
}
