# Uncaught RecursionError from a __repr__ that calls itself (shows repeated frames).
import sys
sys.setrecursionlimit(100)
class Loop:
    def __repr__(self):
        return 'Loop(' + repr(self) + ')'
print('about to repr')
print(repr(Loop()))
