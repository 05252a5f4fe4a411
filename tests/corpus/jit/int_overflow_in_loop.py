# A hot int loop whose values outgrow the small-int range, then i64, mid-loop: traces must
# leave and let the interpreter build big ints, with the same results.
x = 1
i = 0
while i < 200:
    x = x * 3 + i
    i += 1
print(x)

def f(n):
    total = 0
    for k in range(n):
        total = total + k * 1000003 * 999983
    return total
print(f(5000))

acc = 2 ** 46
for j in range(10):
    acc += acc
    print(j, acc)
neg = -(2 ** 47) + 5
for j in range(10):
    neg -= 1
print(neg)
