# List indexing and slicing with steps, negative indices, out-of-range bounds and copies.
l = list(range(10))
print(l[2:7], l[:3], l[7:], l[-3:], l[:-3], l[::3], l[1::3], l[::-1], l[8:2:-2], l[-1:-5:-1])
print(l[5:2], l[100:], l[-100:2], l[2:100:4], l[::-4], l[-2::-3], l[:0], l[:], l[:] is l)
print(l[-1], l[-10], l[0])
for i in [10, -11]:
    try:
        l[i]
    except IndexError as e:
        print(type(e).__name__, e)
m = [[1, 2], [3, 4]]
shallow = m[:]
shallow[0].append(99)
shallow[1] = 'replaced'
print(m, shallow)
s = 'abcdefgh'
print(s[1:6:2], s[::-2], s[-3:-1], (0, 1, 2, 3)[1::2], range(10)[2:8:3])
