//! File objects: the standard streams and files from `open()`.
//!
//! One `FileData` serves both binary and text files. It holds raw bytes read ahead
//! (`pending`), text already decoded from them (`text`, text mode only, filled by
//! `builtins::io`), and bytes written but not yet flushed (`out_buffer`). Reads flush the
//! write buffer first and writes give back read-ahead bytes (seeking back), so `r+` files
//! see a single file position. Dropping a file flushes it, as CPython's finalizer does,
//! and `flush_all_files` flushes every file still open when the interpreter exits (their
//! objects may never be freed then).

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::rc::{Rc, Weak};

/// An OS file with its unflushed output, shared with the exit-time registry.
pub struct DiskFile {
    pub file: RefCell<std::fs::File>,
    pub out: RefCell<Vec<u8>>,
}

impl DiskFile {
    /// Wraps an opened file and registers it for `flush_all_files`.
    pub fn register(file: std::fs::File) -> Rc<DiskFile> {
        let disk = Rc::new(DiskFile {
            file: RefCell::new(file),
            out: RefCell::new(Vec::new()),
        });
        OPEN_FILES.with(|files| {
            let mut files = files.borrow_mut();
            files.retain(|w| w.strong_count() > 0);
            files.push(Rc::downgrade(&disk));
        });
        disk
    }

    fn flush(&self) -> std::io::Result<()> {
        let mut out = self.out.borrow_mut();
        if out.is_empty() {
            return Ok(());
        }
        let r = self.file.borrow_mut().write_all(&out);
        out.clear();
        r
    }
}

thread_local! {
    /// Files opened on this thread, flushed at exit.
    static OPEN_FILES: RefCell<Vec<Weak<DiskFile>>> = const { RefCell::new(Vec::new()) };
}

/// Flushes every open file's buffered output (call at interpreter exit).
pub fn flush_all_files() {
    let files: Vec<Rc<DiskFile>> =
        OPEN_FILES.with(|files| files.borrow().iter().filter_map(Weak::upgrade).collect());
    for f in files {
        // Exit-time flush failures cannot be reported anywhere useful.
        let _ = f.flush();
    }
}

/// Where a file object's bytes go or come from.
pub enum Stream {
    Stdin(BufReader<std::io::Stdin>),
    Stdout,
    Stderr,
    /// A file opened by `open()`.
    Disk(Rc<DiskFile>),
    Closed,
}

/// Size of one read-ahead chunk.
const CHUNK: usize = 8192;

pub struct FileData {
    pub stream: Stream,
    pub name: String,
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    /// Bytes read ahead but not yet consumed.
    pub pending: Vec<u8>,
    /// Text mode: decoded (and newline-translated) text read ahead but not yet consumed.
    pub text: String,
    /// Text mode: the last decoded chunk ended with `\r` (a following `\n` is dropped).
    pub pending_cr: bool,
    /// Bytes written but not yet flushed.
    pub out_buffer: Vec<u8>,
    pub line_buffered: bool,
    /// Text mode: the encoding and error handler given to `open()`.
    pub encoding: String,
    pub errors: String,
    /// Text mode: the `newline` argument (`None` means universal newlines).
    pub newline: Option<String>,
    /// The `name` attribute as given to `open()` (an int for file descriptors).
    pub name_value: Option<crate::object::Value>,
}

impl FileData {
    pub fn new(stream: Stream, name: &str, mode: &str, binary: bool) -> FileData {
        let readable = matches!(stream, Stream::Stdin(_)) || mode.contains(['r', '+']);
        let writable = matches!(stream, Stream::Stdout | Stream::Stderr)
            || mode.contains(['w', 'a', 'x', '+']);
        // CPython creates the standard streams with `newline='\n'`: no translation.
        let newline = match stream {
            Stream::Stdin(_) | Stream::Stdout | Stream::Stderr => Some("\n".to_string()),
            _ => None,
        };
        FileData {
            stream,
            name: name.to_string(),
            mode: mode.to_string(),
            binary,
            readable,
            writable,
            pending: Vec::new(),
            text: String::new(),
            pending_cr: false,
            out_buffer: Vec::new(),
            line_buffered: false,
            encoding: "utf-8".to_string(),
            errors: "strict".to_string(),
            newline,
            name_value: None,
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(self.stream, Stream::Closed)
    }

    /// Gives back read-ahead data before a write, so the OS position is the logical one.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() && self.text.is_empty() {
            return Ok(());
        }
        let unread = self.pending.len() as i64 + self.text.len() as i64;
        self.pending.clear();
        self.text.clear();
        self.pending_cr = false;
        if let Stream::Disk(f) = &self.stream {
            f.file.borrow_mut().seek(SeekFrom::Current(-unread))?;
        }
        Ok(())
    }

    /// Writes bytes (buffered; standard streams flush at newlines when line buffered).
    pub fn write_bytes(&mut self, data: &[u8]) -> std::io::Result<()> {
        match &self.stream {
            Stream::Stdout | Stream::Stderr => {
                self.out_buffer.extend_from_slice(data);
                let flush_now =
                    self.line_buffered && data.contains(&b'\n') || self.out_buffer.len() >= 1 << 16;
                if flush_now || matches!(self.stream, Stream::Stderr) {
                    self.flush()?;
                }
                Ok(())
            }
            Stream::Disk(disk) => {
                let disk = disk.clone();
                self.drop_read_ahead()?;
                let big = {
                    let mut out = disk.out.borrow_mut();
                    out.extend_from_slice(data);
                    out.len() >= 1 << 16
                };
                if big || (self.line_buffered && data.contains(&b'\n')) {
                    disk.flush()?;
                }
                Ok(())
            }
            _ => Err(std::io::Error::other("not writable")),
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.stream {
            Stream::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(&self.out_buffer)?;
                self.out_buffer.clear();
                out.flush()
            }
            Stream::Stderr => {
                let mut out = std::io::stderr().lock();
                out.write_all(&self.out_buffer)?;
                self.out_buffer.clear();
                out.flush()
            }
            Stream::Disk(f) => f.flush(),
            _ => Ok(()),
        }
    }

    /// Reads one more chunk into `pending`; returns the number of bytes added (0 at EOF).
    pub fn fill(&mut self) -> std::io::Result<usize> {
        self.flush()?;
        match &mut self.stream {
            Stream::Stdin(r) => {
                let buf = r.fill_buf()?;
                let n = buf.len();
                self.pending.extend_from_slice(buf);
                r.consume(n);
                Ok(n)
            }
            Stream::Disk(f) => {
                let start = self.pending.len();
                self.pending.resize(start + CHUNK, 0);
                let mut file = f.file.borrow_mut();
                let n = loop {
                    match file.read(&mut self.pending[start..]) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => {
                            self.pending.truncate(start);
                            return Err(e);
                        }
                    }
                };
                self.pending.truncate(start + n);
                Ok(n)
            }
            _ => Err(std::io::Error::other("not readable")),
        }
    }

    /// Reads everything left (raw bytes).
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush()?;
        let mut out = std::mem::take(&mut self.pending);
        match &mut self.stream {
            Stream::Stdin(r) => {
                r.read_to_end(&mut out)?;
            }
            Stream::Disk(f) => {
                f.file.borrow_mut().read_to_end(&mut out)?;
            }
            _ => return Err(std::io::Error::other("not readable")),
        }
        Ok(out)
    }

    /// Reads up to `n` raw bytes (fewer only at end of file).
    pub fn read_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        while self.pending.len() < n {
            if self.fill()? == 0 {
                break;
            }
        }
        let take = n.min(self.pending.len());
        Ok(self.pending.drain(..take).collect())
    }

    /// Reads one line including its `\n` (empty at end of file).
    pub fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            if let Some(pos) = self.pending[scanned..].iter().position(|b| *b == b'\n') {
                return Ok(self.pending.drain(..=scanned + pos).collect());
            }
            scanned = self.pending.len();
            if self.fill()? == 0 {
                return Ok(std::mem::take(&mut self.pending));
            }
        }
    }

    /// Moves the file position (flushing writes and dropping read-ahead data).
    pub fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.flush()?;
        let unread = self.pending.len() as i64 + self.text.len() as i64;
        self.pending.clear();
        self.text.clear();
        self.pending_cr = false;
        match &self.stream {
            Stream::Disk(f) => {
                let to = match to {
                    SeekFrom::Current(d) => SeekFrom::Current(d - unread),
                    other => other,
                };
                f.file.borrow_mut().seek(to)
            }
            _ => Err(std::io::Error::other("underlying stream is not seekable")),
        }
    }

    /// The logical file position.
    pub fn tell(&mut self) -> std::io::Result<u64> {
        let unread = self.pending.len() as u64 + self.text.len() as u64;
        match &self.stream {
            Stream::Disk(f) => {
                let buffered = f.out.borrow().len() as u64;
                let pos = f.file.borrow_mut().stream_position()?;
                Ok((pos + buffered).saturating_sub(unread))
            }
            _ => Err(std::io::Error::other("underlying stream is not seekable")),
        }
    }

    /// Flushes and closes (the OS file is closed when dropped).
    pub fn close(&mut self) -> std::io::Result<()> {
        let r = self.flush();
        self.stream = Stream::Closed;
        self.pending.clear();
        self.text.clear();
        r
    }

    /// The OS file descriptor.
    pub fn fileno(&self) -> Option<i64> {
        match &self.stream {
            Stream::Stdin(_) => Some(0),
            Stream::Stdout => Some(1),
            Stream::Stderr => Some(2),
            #[cfg(unix)]
            Stream::Disk(f) => {
                use std::os::fd::AsRawFd;
                Some(i64::from(f.file.borrow().as_raw_fd()))
            }
            #[cfg(not(unix))]
            Stream::Disk(_) => None,
            Stream::Closed => None,
        }
    }

    /// Whether the stream is a terminal.
    pub fn isatty(&self) -> bool {
        use std::io::IsTerminal;
        match &self.stream {
            Stream::Stdin(_) => std::io::stdin().is_terminal(),
            Stream::Stdout => std::io::stdout().is_terminal(),
            Stream::Stderr => std::io::stderr().is_terminal(),
            Stream::Disk(f) => f.file.borrow().is_terminal(),
            Stream::Closed => false,
        }
    }
}

impl Drop for FileData {
    fn drop(&mut self) {
        if matches!(self.stream, Stream::Disk(_)) {
            // Errors cannot be reported from a finalizer; CPython ignores them too.
            let _ = self.flush();
        }
    }
}
