# Single inheritance, method overriding, super().__init__, super() method calls, isinstance checks.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
    def describe(self):
        return f'{type(self).__name__}({self.name})'
class Dog(Animal):
    sound = 'woof'
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def describe(self):
        return super().describe() + f' [{self.breed}]'
class Puppy(Dog):
    def speak(self):
        return super().speak().upper() + '!'
animals = [Animal('generic'), Dog('rex', 'lab'), Puppy('bit', 'pug')]
for a in animals:
    print(a.speak(), '|', a.describe(), '|', isinstance(a, Dog), issubclass(type(a), Animal))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__, Dog.sound, Puppy.sound)
print(hasattr(animals[2], 'breed'), animals[2].breed, vars(animals[1]))
