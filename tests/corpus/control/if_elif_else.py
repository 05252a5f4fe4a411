# if/elif/else chains with various condition types.
def grade(score):
    if score >= 90:
        return 'A'
    elif score >= 80:
        return 'B'
    elif score >= 70:
        return 'C'
    else:
        return 'F'
print([grade(s) for s in (95, 85, 75, 50, 90, 80)])
for v in [0, 1, '', 'x', [], [1], None, 0.0]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 15
if x % 3 == 0 and x % 5 == 0:
    print('fizzbuzz')
if x > 100:
    print('never')
elif x > 10:
    if x > 12:
        print('nested >12')
    else:
        print('nested <=12')
if not x: pass
else: print('one-line else')
