# String building with +=, join, formatting and methods.
parts = []
s = ""
for i in range(50000):
    s += str(i % 10)
    parts.append(f"{i}:{i * 2}")
joined = ",".join(parts)
print(len(s), len(joined), joined[:20], s.count("7"), joined.upper()[:10])
