# Dispatch using dicts of functions and if-chains (procedural state machine).
def tokenize(s):
    tokens = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            tokens.append(('NUM', int(s[i:j])))
            i = j
        elif ch in '+-*/()':
            tokens.append(('OP', ch))
            i += 1
        else:
            raise ValueError('bad char %r at %d' % (ch, i))
    return tokens
print(tokenize('12 + 3*(40 - 5)'))
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b,
       '*': lambda a, b: a * b, '/': lambda a, b: a // b}
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(int(tok))
    return stack
print(rpn('3 4 + 2 *'), rpn('10 3 / 7 -'), rpn('1 2 3'))
try:
    tokenize('1 + x')
except ValueError as e:
    print(type(e).__name__, e)
