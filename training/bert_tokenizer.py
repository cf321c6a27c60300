"""BERT uncased WordPiece tokenizer, re-implemented to match Hugging Face `tokenizers` (Rust).

The Java service tokenizes with the Rust library (DJL HuggingFaceTokenizer) reading the
tokenizer.json written by `write_tokenizer_json`, so every rule below follows the Rust code
(normalizers/bert.rs, pre_tokenizers/bert.rs, models/wordpiece), not the older Python
BertTokenizer, where the two differ:
  * categories come from Python's unicodedata corrected to the Rust crate's older Unicode
    tables (unicode_compat.py).
  * "control" = Unicode Cc, Cf, Co (the `unicode_categories` crate's is_other); unassigned (Cn)
    characters such as very new emoji are kept, not dropped.
  * whitespace = Rust char::is_whitespace (White_Space property) plus \t \n \r.
  * lowercasing is per character (no Greek final-sigma rule), after accent stripping.
  * the special tokens ([PAD] [UNK] [CLS] [SEP] [MASK]) are matched verbatim (case-sensitive)
    in the raw input before normalisation, like the added-tokens vocabulary does.
"""
import json
import re
import unicodedata

from unicode_compat import rust_category

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
_SPECIAL_RE = re.compile("(" + "|".join(re.escape(t) for t in SPECIAL_TOKENS) + ")")
# Rust char::is_whitespace (Unicode White_Space); Cc members of it are removed as controls first.
_WHITESPACE = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)}
_CJK_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
               (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def _category(ch):
    return rust_category(ch, unicodedata.category(ch))


def _is_control(ch):
    if ch in "\t\n\r":
        return False
    return _category(ch) in ("Cc", "Cf", "Co")


def _is_cjk(ch):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True  # all ASCII non-alphanumeric symbols, e.g. $ + < = > ^ ` | ~
    return _category(ch).startswith("P")


def normalize(text):
    """BertNormalizer(clean_text, handle_chinese_chars, strip_accents=None->True, lowercase)."""
    out = []
    for ch in text:
        if ch == "\x00" or ch == "\ufffd" or _is_control(ch):
            continue
        out.append(" " if ch in _WHITESPACE else ch)
    text = "".join(" " + c + " " if _is_cjk(c) else c for c in out)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if _category(c) != "Mn")
    return "".join(c.lower() for c in text)


def pre_tokenize(text):
    """BertPreTokenizer: split on whitespace (dropped) and on punctuation (kept, one char each)."""
    words, cur = [], []
    for ch in text:
        if ch in _WHITESPACE:
            if cur:
                words.append("".join(cur))
            cur = []
        elif _is_punct(ch):
            if cur:
                words.append("".join(cur))
            words.append(ch)
            cur = []
        else:
            cur.append(ch)
    if cur:
        words.append("".join(cur))
    return words


class BertTokenizer:
    def __init__(self, vocab_path, max_input_chars_per_word=100):
        with open(vocab_path, encoding="utf-8") as f:
            self.id_to_token = [line.rstrip("\n") for line in f]
        self.vocab = {t: i for i, t in enumerate(self.id_to_token)}
        assert len(self.vocab) == len(self.id_to_token), "duplicate tokens in vocab"
        self.max_chars = max_input_chars_per_word
        self.unk_id = self.vocab["[UNK]"]
        self.cls_id, self.sep_id = self.vocab["[CLS]"], self.vocab["[SEP]"]
        self.pad_id = self.vocab["[PAD]"]
        self._cache = {}

    def wordpiece(self, word):
        """Greedy longest-match-first; a word with any unmatchable remainder becomes one [UNK]."""
        if word in self._cache:
            return self._cache[word]
        ids = []
        if len(word) > self.max_chars:
            ids = [self.unk_id]
        else:
            start = 0
            while start < len(word):
                end, match = len(word), None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.vocab:
                        match = self.vocab[piece]
                        break
                    end -= 1
                if match is None:
                    ids = [self.unk_id]
                    break
                ids.append(match)
                start = end
        self._cache[word] = ids
        return ids

    def encode(self, text, add_special_tokens=True, max_length=None):
        """Token ids for one text; with max_length, truncates the body so the total fits."""
        ids = []
        for part in _SPECIAL_RE.split(text):
            if part in self.vocab and part in SPECIAL_TOKENS:
                ids.append(self.vocab[part])
                continue
            for word in pre_tokenize(normalize(part)):
                ids.extend(self.wordpiece(word))
        if not add_special_tokens:
            return ids[:max_length] if max_length else ids
        if max_length:
            ids = ids[:max_length - 2]
        return [self.cls_id] + ids + [self.sep_id]

    def tokens(self, ids):
        return [self.id_to_token[i] for i in ids]


def write_tokenizer_json(tok, path):
    """Hugging Face tokenizers JSON (format version 1.0) equivalent to `tok`."""
    special = {t: {"id": t, "ids": [tok.vocab[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")}
    cls_ = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}
    sep0, sep1 = ({"SpecialToken": {"id": "[SEP]", "type_id": k}} for k in (0, 1))
    doc = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": tok.vocab[t], "content": t, "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": False, "special": True}
                         for t in SPECIAL_TOKENS],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [cls_, {"Sequence": {"id": "A", "type_id": 0}}, sep0],
            "pair": [cls_, {"Sequence": {"id": "A", "type_id": 0}}, sep0,
                     {"Sequence": {"id": "B", "type_id": 1}}, sep1],
            "special_tokens": special,
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": tok.max_chars, "vocab": tok.vocab},
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
