# A small object-oriented simulation: many method calls and attribute loads/stores
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o): return Vec(self.x + o.x, self.y + o.y)
    def scale(self, k): return Vec(self.x * k, self.y * k)
    def __repr__(self): return f"Vec({self.x}, {self.y})"
class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0
    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        self.steps += 1
        if abs(self.pos.x) > 50:
            self.vel = Vec(-self.vel.x, self.vel.y)
class World:
    def __init__(self, n):
        self.particles = [Particle(Vec(i, -i), Vec(i % 3 - 1, 1)) for i in range(n)]
    def run(self, steps):
        for _ in range(steps):
            for p in self.particles:
                p.step(1)
    def summary(self):
        return sum(p.pos.x for p in self.particles), sum(p.pos.y for p in self.particles)
w = World(20)
w.run(200)
print(w.summary(), w.particles[3].pos, w.particles[0].steps)
class Account:
    rate = 2
    def __init__(self): self.balance = 0
    def deposit(self, n): self.balance += n * self.rate
accts = [Account() for _ in range(5)]
for i in range(300):
    accts[i % 5].deposit(i)
print([a.balance for a in accts])
Account.rate = 3
accts[0].deposit(1)
print(accts[0].balance)
