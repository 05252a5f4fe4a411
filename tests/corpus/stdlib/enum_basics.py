# enum: Enum members, aliases, lookup by value and name, reprs, iteration, errors
from enum import Enum, auto, unique, member, nonmember, EnumMeta, EnumType


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return "%s is %d" % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'])
print(list(Color), len(Color), list(reversed(Color)))
print(Color.CRIMSON is Color.RED, Color.RED.name, Color.RED.value)
print(Color.__members__)
print(list(Color.__members__.items())[-1])
print(Color.RED.describe(), Color.default())
print(Color.RED in Color, 1 in Color, 5 in Color)
print(type(Color.RED), Color, type(Color), EnumMeta is EnumType)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(hash(Color.RED) == hash('RED'), Color.RED == Color.RED, Color.RED != Color.BLUE)
print(Color.RED == 1, f"{Color.BLUE}", format(Color.BLUE, '>12') + '|')
print({Color.RED: 'r'}[Color.CRIMSON])
print(Color.RED.__class__.__name__, Color.__name__)

for bad in (7, 'RED', None):
    try:
        Color(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    Color['PURPLE']
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Color.RED
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print(type(e).__name__, e)

try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Sunder(Enum):
        _bad_ = 1
except ValueError as e:
    print(type(e).__name__, e)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(type(e).__name__, e)


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto))


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    X = auto()
    Y = auto()


print(repr(Lower.X), repr(Lower.Y))


class Mixed(Enum):
    a = member(lambda: 1)
    b = nonmember(3)
    c = 4


print(list(Mixed.__members__), Mixed.b)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 3))
print(repr(Planet.MERCURY))


class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3

    @classmethod
    def _missing_(cls, value):
        if value == 'sq':
            return cls.SQUARE
        return None


print(Shape('sq'), Shape(3))
try:
    Shape('tri')
except ValueError as e:
    print(type(e).__name__, e)


class Broken(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 'nope'


try:
    Broken(2)
except TypeError as e:
    print(type(e).__name__, e, '|', e.__context__)

Animal = Enum('Animal', 'ANT BEE, CAT')
print(list(Animal), Animal.BEE.value, Animal.__module__)
Pairs = Enum('Pairs', [('X', 'x'), ('Y', 'y')])
print(list(Pairs))
Start = Enum('Start', ['A', 'B'], start=10)
print(list(Start))
try:
    Enum('Empty')
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(dir(Color)) == dir(Color), 'RED' in dir(Color), 'describe' in dir(Color.RED))
