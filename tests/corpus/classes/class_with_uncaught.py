# Uncaught exception propagating out of a with block after __exit__ runs.
class Resource:
    def __enter__(self):
        print('acquire')
        return self
    def __exit__(self, exc_type, exc, tb):
        print('release, saw', exc_type.__name__)
        return False
with Resource():
    print('using resource')
    [].pop()
