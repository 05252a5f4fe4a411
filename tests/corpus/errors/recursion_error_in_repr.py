# Uncaught RecursionError from a __repr__ that calls itself (shows repeated frames).
import sys
class Fine:
    def __repr__(self):
        return 'Fine()'
print(repr(Fine()), [Fine(), Fine()])
sys.setrecursionlimit(100)
class Loop:
    def __repr__(self):
        return 'Loop(' + repr(self) + ')'
print('about to repr')
print(repr(Loop()))
