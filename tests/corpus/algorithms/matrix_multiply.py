# Matrix multiplication, transpose, identity and integer matrix power (fibonacci via matrices).
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def matpow(m, e):
    r = identity(len(m))
    while e:
        if e & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        e >>= 1
    return r
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b), matmul(b, a))
print(matpow([[1, 1], [1, 0]], 90)[0][1])
n = 30
m1 = [[(i * j) % 7 - 3 for j in range(n)] for i in range(n)]
m2 = [[(i + 2 * j) % 5 for j in range(n)] for i in range(n)]
prod = matmul(m1, m2)
print(sum(map(sum, prod)), prod[0][:6], prod[-1][-6:])
f = [[0.5, -1.25], [2.0, 0.1]]
print(matmul(f, f), matpow(f, 5))
