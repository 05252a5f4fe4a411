# raytrace: a small Whitted-style ray tracer (spheres, a checkered plane, two point lights,
# shadows, Phong highlights and reflections) rendering a 100x100 image. Exercises 3-D vector
# objects with operator overloading, float arithmetic, ** 0.5, polymorphic intersect methods.
# Prints a checksum of the 8-bit pixel values.

from _scale import sized

EPSILON = 1e-6


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def times(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def length(self):
        return self.dot(self) ** 0.5

    def unit(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


BLACK = Vec(0.0, 0.0, 0.0)
WHITE = Vec(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.4, shininess=30, reflect=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, a, b, size, **kw):
        Material.__init__(self, a, **kw)
        self.other = b
        self.size = size

    def color_at(self, point):
        if (int((point.x + 1000.0) / self.size) + int((point.z + 1000.0) / self.size)) % 2:
            return self.other
        return self.color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).unit()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.unit()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Scene:
    def __init__(self, objects, lights, ambient):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light_pos):
        to_light = light_pos - point
        dist = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return Vec(0.1, 0.1, 0.2)
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        point = point + normal * 1e-4
        mat = obj.material
        base = mat.color_at(point)
        color = base * self.ambient
        for light_pos, light_color in self.lights:
            if self.shadowed(point, light_pos):
                continue
            to_light = (light_pos - point).unit()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + base.times(light_color) * (lambert * mat.diffuse)
                half = (to_light - ray.direction).unit()
                spec = normal.dot(half)
                if spec > 0.0:
                    color = color + light_color * (mat.specular * spec ** mat.shininess)
        if mat.reflect > 0.0 and depth < 3:
            bounced = self.trace(Ray(point, ray.direction.reflect(normal)), depth + 1)
            color = color * (1.0 - mat.reflect) + bounced * mat.reflect
        return color


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def render(scene, width, height):
    eye = Vec(0.0, 1.8, -6.0)
    forward = (Vec(0.0, 0.8, 0.0) - eye).unit()
    right = Vec(0.0, 1.0, 0.0).cross(forward).unit()
    up = forward.cross(right)
    checksum = 0
    total = 0
    for j in range(height):
        for i in range(width):
            u = (i + 0.5) / width * 2.0 - 1.0
            v = 1.0 - (j + 0.5) / height * 2.0
            direction = forward + right * (u * 0.7) + up * (v * 0.7)
            c = scene.trace(Ray(eye, direction), 0)
            r, g, b = to_byte(c.x), to_byte(c.y), to_byte(c.z)
            total += r + g + b
            checksum = (checksum * 257 + (r << 16 | g << 8 | b)) % 2147483647
    return total, checksum


def main(size):
    objects = [
        Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
              Checker(Vec(0.9, 0.9, 0.9), Vec(0.2, 0.2, 0.2), 1.0, reflect=0.3)),
        Sphere(Vec(0.0, 1.0, 0.0), 1.0, Material(Vec(0.9, 0.2, 0.2), reflect=0.4)),
        Sphere(Vec(-2.0, 0.6, 1.0), 0.6, Material(Vec(0.2, 0.9, 0.3), shininess=60)),
        Sphere(Vec(1.8, 0.5, -0.8), 0.5, Material(Vec(0.2, 0.3, 0.9), reflect=0.6)),
    ]
    lights = [(Vec(-4.0, 6.0, -4.0), Vec(0.8, 0.8, 0.8)), (Vec(5.0, 4.0, -2.0), Vec(0.4, 0.35, 0.3))]
    scene = Scene(objects, lights, 0.15)
    total, checksum = render(scene, size, size)
    print(total)
    print(checksum)


main(sized(220, 70))
