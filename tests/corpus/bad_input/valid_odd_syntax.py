# Not an error: a file full of unusual-but-valid syntax (semicolons, line continuations, odd spacing).
x = 1; y = 2; z = x + \
    y
if x: print('inline if', z)
for i in range(2): print('inline for', i)
while x < 3: x += 1
print(x, y, z, [1,
  2,
     3], {'a':
1})
def  f ( a ,b = 2 ) : return a+b
print(f(1), f( 1 , b = 5 ))
lst = [
    1,
    2,  # trailing comma below
]
print(lst)
