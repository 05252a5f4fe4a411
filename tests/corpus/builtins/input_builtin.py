# input() reads lines from stdin (prompt goes to stdout), EOFError at end of input.
name = input('Name? ')
print('Hello,', name)
n = int(input())
total = 0
for _ in range(n):
    line = input()
    a, b = map(int, line.split())
    total += a * b
print('total', total)
print(repr(input('raw: ')))
rest = []
while True:
    try:
        rest.append(input())
    except EOFError as e:
        print('EOFError', repr(str(e)))
        break
print(rest)
