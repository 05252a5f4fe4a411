# An uncaught exception 30 levels down a natively called lean recursion (after the chain
# ran natively many times): the traceback lists every level, as without the JIT.


def down(n, at):
    if n == at:
        return {}["missing %d" % n]
    if n == 0:
        return 0
    return down(n - 1, at) + 1


total = 0
for i in range(3000):
    total += down(i % 45, -1)
print(total)
print(down(60, 30))
