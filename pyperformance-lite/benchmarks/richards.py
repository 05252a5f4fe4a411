# richards: Martin Richards' operating-system scheduler simulation (an idle task, a worker,
# two packet handlers and two devices exchanging packets). Exercises method calls on small
# objects, linked lists through attributes, and polymorphic dispatch.
# Prints the packet-queue and hold counts of the last run (23246 and 9297 for 10000 idle ticks).

from _scale import scaled

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, pending, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending
        self.waiting = waiting
        self.holding = False
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.pending)

    def receive(self, packet, current):
        # Queues `packet` here; returns the task that should run next.
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > current.priority:
                return self
        else:
            packet.append_to(self.queue)
        return current

    def run(self):
        packet = None
        if self.waiting and self.pending:
            packet = self.queue
            self.queue = packet.link
            self.pending = self.queue is not None
            self.waiting = False
        return self.step(packet)


class IdleTask(Task):
    def __init__(self, sched, count):
        Task.__init__(self, sched, IDLE, 0, None, False, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        sched = self.sched
        self.count -= 1
        if self.count == 0:
            return sched.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        Task.__init__(self, sched, WORKER, 1000, queue, True, True)
        self.destination = HANDLER_A
        self.letter = 0

    def step(self, packet):
        sched = self.sched
        if packet is None:
            return sched.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        data = packet.data
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True, True)
        self.work = None
        self.devices = None

    def step(self, packet):
        sched = self.sched
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            index = work.datum
            if index >= BUFFER_SIZE:
                self.work = work.link
                return sched.send(work)
            device = self.devices
            if device is not None:
                self.devices = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return sched.send(device)
        return sched.wait_current()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, False, True)
        self.pending_packet = None

    def step(self, packet):
        sched = self.sched
        if packet is None:
            packet = self.pending_packet
            if packet is None:
                return sched.wait_current()
            self.pending_packet = None
            return sched.send(packet)
        self.pending_packet = packet
        return sched.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def hold_current(self):
        self.hold_count += 1
        self.current.holding = True
        return self.current.link

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.table[ident]
        task.holding = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        target = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return target.receive(packet, self.current)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                self.current = task
                task = task.run()


def run_once(idle_count):
    sched = Scheduler()
    IdleTask(sched, idle_count)
    work = Packet(None, 0, KIND_WORK)
    work = Packet(work, 0, KIND_WORK)
    WorkerTask(sched, work)
    for handler, device, priority in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        queue = Packet(None, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        HandlerTask(sched, handler, priority, queue)
    DeviceTask(sched, DEVICE_A, 4000)
    DeviceTask(sched, DEVICE_B, 5000)
    sched.schedule()
    return sched.queue_count, sched.hold_count


def main(iterations):
    total = 0
    for _ in range(iterations):
        queued, held = run_once(10000)
        total += queued + held
    print(queued, held)
    print(total)


main(scaled(25))
