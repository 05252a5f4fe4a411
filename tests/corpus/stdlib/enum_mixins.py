# enum: IntEnum, StrEnum, mixed-in data types, str()/format() of ReprEnum, verify
from enum import Enum, IntEnum, StrEnum, ReprEnum, auto, verify, UNIQUE, CONTINUOUS, EnumCheck


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()


print(Num.ONE, repr(Num.TWO), str(Num.THREE), f"{Num.TWO}", format(Num.ONE, '03d'))
print(Num.ONE + Num.TWO, Num.TWO * 3, Num.ONE == 1, Num(3), sorted([Num.THREE, Num.ONE]))
print(isinstance(Num.ONE, int), int(Num.TWO), [1, 2, 3][Num.ONE], Num.TWO < Num.THREE)
print(hex(Num.THREE), Num.ONE.real, list(Num))
try:
    Num(9)
except ValueError as e:
    print(type(e).__name__, e)


class Fruit(StrEnum):
    APPLE = auto()
    BANANA = 'yellow'


print(Fruit.APPLE, repr(Fruit.BANANA), Fruit.APPLE.upper(), Fruit.APPLE == 'apple')
print(f"{Fruit.BANANA}!", Fruit('yellow'), '-'.join(Fruit), len(Fruit.BANANA))
try:
    class BadStr(StrEnum):
        X = 1
except TypeError as e:
    print(type(e).__name__, e)


class Mixed(float, Enum):
    HALF = 0.5
    QUARTER = 0.25


print(Mixed.HALF, repr(Mixed.QUARTER), Mixed.HALF * 2, f"{Mixed.HALF}")


class Grade(str, Enum):
    A = 'a'


print(Grade.A, repr(Grade.A), Grade.A.value, Grade.A == 'a')

try:
    class Bad(ReprEnum):
        X = 1
except TypeError as e:
    print(type(e).__name__, e)

try:
    @verify(UNIQUE)
    class Al(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)

try:
    @verify(CONTINUOUS)
    class Gap(IntEnum):
        A = 1
        B = 2
        E = 5
except ValueError as e:
    print(type(e).__name__, e)


@verify(CONTINUOUS, UNIQUE)
class Fine(IntEnum):
    A = 1
    B = 2


print(list(Fine), EnumCheck.UNIQUE, repr(CONTINUOUS))
