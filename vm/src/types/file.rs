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

/// A file object's state, boxed so that `Payload::File` stays one pointer wide (every
/// heap object is as large as the largest payload variant).
pub struct FileData(Box<FileState>);

impl std::ops::Deref for FileData {
    type Target = FileState;
    fn deref(&self) -> &FileState {
        &self.0
    }
}

impl std::ops::DerefMut for FileData {
    fn deref_mut(&mut self) -> &mut FileState {
        &mut self.0
    }
}

impl FileData {
    pub fn new(stream: Stream, name: &str, mode: &str, binary: bool) -> FileData {
        FileData(Box::new(FileState::new(stream, name, mode, binary)))
    }
}

pub struct FileState {
    pub stream: Stream,
    pub name: String,
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    /// Bytes read ahead; those before `pending_pos` are already consumed (consuming only
    /// moves the offset, so reading line by line does not shift the buffer each time).
    pub pending: Vec<u8>,
    pub pending_pos: usize,
    /// Text mode: decoded (and newline-translated) text read ahead; the bytes before
    /// `text_pos` are consumed.
    pub text: String,
    pub text_pos: usize,
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

impl FileState {
    pub fn new(stream: Stream, name: &str, mode: &str, binary: bool) -> FileState {
        let readable = matches!(stream, Stream::Stdin(_)) || mode.contains(['r', '+']);
        let writable = matches!(stream, Stream::Stdout | Stream::Stderr)
            || mode.contains(['w', 'a', 'x', '+']);
        // CPython creates the standard streams with `newline='\n'`: no translation.
        let newline = match stream {
            Stream::Stdin(_) | Stream::Stdout | Stream::Stderr => Some("\n".to_string()),
            _ => None,
        };
        FileState {
            stream,
            name: name.to_string(),
            mode: mode.to_string(),
            binary,
            readable,
            writable,
            pending: Vec::new(),
            pending_pos: 0,
            text: String::new(),
            text_pos: 0,
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
        let unread = self.unread_len() as i64;
        if unread == 0 {
            return Ok(());
        }
        self.clear_read_ahead();
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

    /// Bytes read ahead and not consumed yet (raw and decoded).
    fn unread_len(&self) -> usize {
        self.pending.len() - self.pending_pos + self.text.len() - self.text_pos
    }

    fn clear_read_ahead(&mut self) {
        self.pending.clear();
        self.pending_pos = 0;
        self.text.clear();
        self.text_pos = 0;
        self.pending_cr = false;
    }

    /// The raw bytes read ahead and not consumed.
    pub fn unread_pending(&self) -> &[u8] {
        &self.pending[self.pending_pos..]
    }

    /// Consumes `n` raw read-ahead bytes.
    pub fn consume_pending(&mut self, n: usize) -> Vec<u8> {
        let end = self.pending_pos.saturating_add(n).min(self.pending.len());
        let out = self.pending[self.pending_pos..end].to_vec();
        self.pending_pos = end;
        if self.pending_pos == self.pending.len() {
            self.pending.clear();
            self.pending_pos = 0;
        }
        out
    }

    /// The decoded text read ahead and not consumed.
    pub fn unread_text(&self) -> &str {
        self.text.get(self.text_pos..).unwrap_or("")
    }

    /// Consumes `n` bytes (a char boundary) of decoded text.
    pub fn consume_text(&mut self, n: usize) -> String {
        let end = self.text_pos.saturating_add(n).min(self.text.len());
        let out = self.text.get(self.text_pos..end).unwrap_or("").to_string();
        self.text_pos = end;
        if self.text_pos == self.text.len() {
            self.text.clear();
            self.text_pos = 0;
        }
        out
    }

    /// Appends decoded text (dropping the consumed prefix first).
    pub fn push_text(&mut self, s: &str) {
        if self.text_pos > 0 {
            self.text.drain(..self.text_pos);
            self.text_pos = 0;
        }
        self.text.push_str(s);
    }

    /// Reads one more chunk into `pending`; returns the number of bytes added (0 at EOF).
    pub fn fill(&mut self) -> std::io::Result<usize> {
        self.flush()?;
        if self.pending_pos > 0 {
            self.pending.drain(..self.pending_pos);
            self.pending_pos = 0;
        }
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
        let mut out = self.consume_pending(usize::MAX);
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
        while self.unread_pending().len() < n {
            if self.fill()? == 0 {
                break;
            }
        }
        Ok(self.consume_pending(n))
    }

    /// Reads one line including its `\n` (empty at end of file).
    pub fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let buf = self.unread_pending();
            if let Some(pos) = buf[scanned..].iter().position(|b| *b == b'\n') {
                return Ok(self.consume_pending(scanned + pos + 1));
            }
            scanned = buf.len();
            if self.fill()? == 0 {
                return Ok(self.consume_pending(usize::MAX));
            }
        }
    }

    /// Moves the file position (flushing writes and dropping read-ahead data).
    pub fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.flush()?;
        let unread = self.unread_len() as i64;
        self.clear_read_ahead();
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
        let unread = self.unread_len() as u64;
        match &self.stream {
            Stream::Disk(f) => {
                let buffered = f.out.borrow().len() as u64;
                let pos = f.file.borrow_mut().stream_position()?;
                Ok((pos + buffered).saturating_sub(unread))
            }
            _ => Err(std::io::Error::other("underlying stream is not seekable")),
        }
    }

    /// Resizes the file to `size` bytes (default: the current position); returns the size.
    pub fn truncate(&mut self, size: Option<u64>) -> std::io::Result<u64> {
        let size = match size {
            Some(n) => n,
            None => self.tell()?,
        };
        self.flush()?;
        match &self.stream {
            Stream::Disk(f) => {
                f.file.borrow().set_len(size)?;
                Ok(size)
            }
            _ => Err(std::io::Error::other("truncate")),
        }
    }

    /// Flushes and closes (the OS file is closed when dropped).
    pub fn close(&mut self) -> std::io::Result<()> {
        let r = self.flush();
        self.stream = Stream::Closed;
        self.clear_read_ahead();
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

impl Drop for FileState {
    fn drop(&mut self) {
        if matches!(self.stream, Stream::Disk(_)) {
            // Errors cannot be reported from a finalizer; CPython ignores them too.
            let _ = self.flush();
        }
    }
}
