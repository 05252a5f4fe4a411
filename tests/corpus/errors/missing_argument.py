# Uncaught TypeError for a missing required positional argument.
def volume(w, h, d=1):
    return w * h * d
print(volume(2, 3), volume(2, 3, 4), volume(d=2, w=1, h=5))
def area(width, height):
    return width * height
print(area(3, 4))
print(volume(*[1, 2]), volume(**{'w': 2, 'h': 2}))
print(volume.__defaults__)
print(area(5))
