# mdp: solves a small Markov decision process exactly with fractions.Fraction -- the best
# strategy (attack or drink a potion) in a dice battle, by memoised recursion over states, with
# self-loops eliminated algebraically. Exercises Fraction add/mul/div/compare on growing
# numerators and denominators, dict memoisation and recursion. Imports: fractions.

from _scale import sized

from fractions import Fraction

HERO_MAX = 16
HIT = Fraction(4, 5)            # hero hits with this probability, for 1..3 damage
MONSTER_HIT = Fraction(2, 3)    # monster hits with this probability, for 1..2 damage
HEAL = 4


class Battle:
    def __init__(self):
        self.memo = {}
        self.potion_states = 0

    def monster_turn(self, hero, monster, potions):
        """Outcomes (probability, next state) of the monster's reply."""
        outcomes = [(1 - MONSTER_HIT, (hero, monster, potions))]
        for damage in (1, 2):
            outcomes.append((MONSTER_HIT / 2, (hero - damage, monster, potions)))
        return outcomes

    def attack(self, hero, monster, potions):
        outcomes = []
        for p, state in self.monster_turn(hero, monster, potions):
            outcomes.append(((1 - HIT) * p, state))
        for damage in (1, 2, 3):
            left = monster - damage
            if left <= 0:
                outcomes.append((HIT / 3, (hero, 0, potions)))
            else:
                for p, state in self.monster_turn(hero, left, potions):
                    outcomes.append((HIT / 3 * p, state))
        return outcomes

    def drink(self, hero, monster, potions):
        healed = min(HERO_MAX, hero + HEAL)
        return self.monster_turn(healed, monster, potions - 1)

    def value(self, hero, monster, potions):
        """Probability that the hero wins from this state, playing optimally."""
        if monster <= 0:
            return Fraction(1)
        if hero <= 0:
            return Fraction(0)
        key = (hero, monster, potions)
        cached = self.memo.get(key)
        if cached is not None:
            return cached
        options = [self.attack(hero, monster, potions)]
        if potions and hero < HERO_MAX:
            options.append(self.drink(hero, monster, potions))
        best = None
        best_index = 0
        for index, outcomes in enumerate(options):
            stay = Fraction(0)
            total = Fraction(0)
            for p, state in outcomes:
                if state == key:
                    stay += p
                else:
                    total += p * self.value(*state)
            v = total / (1 - stay)
            if best is None or v > best:
                best = v
                best_index = index
        if best_index == 1:
            self.potion_states += 1
        self.memo[key] = best
        return best


def main(monster_hp, potions):
    battle = Battle()
    win = battle.value(HERO_MAX, monster_hp, potions)
    print("%.12f" % float(win))
    print(len(str(win.numerator)), len(str(win.denominator)))
    print(len(battle.memo), battle.potion_states)
    print(battle.value(5, monster_hp // 2, 1))


main(sized(60, 30), sized(6, 3))
