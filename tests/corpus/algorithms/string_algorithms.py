# String algorithms: palindromes, anagram groups, run-length encoding, Caesar cipher, edit distance.
def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
print([is_pal(s) for s in ['A man, a plan, a canal: Panama', 'hello', '', 'No lemon, no melon']])
words = ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac', 'dog']
groups = {}
for w in words:
    groups.setdefault(''.join(sorted(w)), []).append(w)
print(list(groups.values()))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f'{j - i}{s[i]}')
        i = j
    return ''.join(out)
print(rle('aaabccddddde'), rle(''), rle('x'))
def caesar(s, k):
    return ''.join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else
                   chr((ord(c) - 65 + k) % 26 + 65) if c.isupper() else c for c in s)
print(caesar('Hello, World!', 3), caesar(caesar('Hello, World!', 3), -3))
def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
print(edit('kitten', 'sitting'), edit('', 'abc'), edit('flaw', 'lawn'), edit('intention', 'execution'))
