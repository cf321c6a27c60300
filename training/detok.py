"""Undo the PTB tokenisation of SST text so training also sees text the way users write it.

SST/GLUE text: lowercased, `does n't`, `it 's`, ` , `, ` .`, `( x )`, ``` `` x '' ```, `` ` x ' ``,
one trailing space.  detokenize() maps it to ordinary English spacing:
  "it 's not that bad , is it ? "  ->  "it's not that bad, is it?"
"""
import re

_RULES = [
    (re.compile(r"``\s*"), '"'),                            # opening double quote
    (re.compile(r"\s*''"), '"'),                            # closing double quote
    (re.compile(r" n't\b"), "n't"),                         # does n't / ca n't / wo n't
    (re.compile(r" '(s|re|ve|ll|d|m)\b"), r"'\1"),          # it 's, we 're, they 've ...
    (re.compile(r"`\s*"), "'"),                             # opening single quote
    (re.compile(r" '(?=\s|$)"), "'"),                       # closing quote / plural possessive
    (re.compile(r"\s+(\.\.\.|[.,!?;:%)\]}])"), r"\1"),      # no space before closing punctuation
    (re.compile(r"([(\[{$#])\s+"), r"\1"),                  # no space after opening brackets
    (re.compile(r"\s+"), " "),
]


def detokenize(text):
    text = text.strip()
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text.strip()


if __name__ == "__main__":
    for s in ["it 's not that bad , is it ? ", "does n't ( really ) work ... ",
              "`` the best '' film of the year ! ", "the actors ' ` big ' moment ",
              "ca n't and wo n't -- i 'm sure they 'd 've liked it . ", "$ 5 for 50 % "]:
        print(repr(s), "->", repr(detokenize(s)))
