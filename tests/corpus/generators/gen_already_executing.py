# Generators: re-entering a running generator raises ValueError
def self_ref():
    yield g.gi_running
    try:
        next(g)
    except ValueError as e:
        print("ValueError:", e)
    yield "after"

g = self_ref()
print(next(g))
print(next(g))
print(g.gi_running)

def sender():
    yield gen2.send(None)
gen2 = sender()
try:
    next(gen2)
except ValueError as e:
    print("send:", e)

def thrower():
    try:
        yield 1
    except KeyError:
        gen3.throw(IndexError)
gen3 = thrower()
next(gen3)
try:
    gen3.throw(KeyError)
except ValueError as e:
    print("throw:", e)

def closer():
    yield 1
    gen4.close()
gen4 = closer()
next(gen4)
try:
    next(gen4)
except ValueError as e:
    print("close:", e)

def reenter():
    yield next(gen5)
gen5 = reenter()
next(gen5)
