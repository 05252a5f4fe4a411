"""Pyrite's argparse module: command-line parsing with CPython's usage, help and error
texts (help is laid out for $COLUMNS, default 80, minus 2)."""

import os as _os
import sys as _sys

__all__ = ['ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'BooleanOptionalAction',
           'FileType', 'HelpFormatter', 'ArgumentDefaultsHelpFormatter',
           'RawDescriptionHelpFormatter', 'RawTextHelpFormatter', 'MetavarTypeHelpFormatter',
           'Namespace', 'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER', 'SUPPRESS',
           'ZERO_OR_MORE']

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'


def _wrap(text, width):
    """Greedy word wrap of whitespace-normalized text (long words are split)."""
    words = text.split()
    lines = []
    line = ''
    for word in words:
        while len(word) > width and width > 0:
            if line:
                room = width - len(line) - 1
                if room > 0:
                    lines.append(line + ' ' + word[:room])
                    word = word[room:]
                else:
                    lines.append(line)
                line = ''
                continue
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += ' ' + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _terminal_width():
    try:
        columns = int(_os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 80
    return columns - 2


class HelpFormatter:
    """Lays out usage and help text the way CPython's argparse does."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_width()
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width

    # Text of the parts -------------------------------------------------------------

    def _metavar(self, action, default):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join(str(c) for c in action.choices)
        else:
            result = default

        def make(size):
            if isinstance(result, tuple):
                return result
            return (result,) * size
        return make

    def _format_args(self, action, default):
        get = self._metavar(action, default)
        nargs = action.nargs
        if nargs is None:
            return '%s' % get(1)
        if nargs == OPTIONAL:
            return '[%s]' % get(1)
        if nargs == ZERO_OR_MORE:
            metavar = get(1)
            if len(metavar) == 2:
                return '[%s [%s ...]]' % metavar
            return '[%s ...]' % metavar
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % get(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % get(1)
        if nargs == SUPPRESS:
            return ''
        try:
            formats = ['%s'] * nargs
        except TypeError:
            raise ValueError('invalid nargs value') from None
        return ' '.join(formats) % get(nargs)

    def _default_metavar_optional(self, action):
        return action.dest.upper()

    def _default_metavar_positional(self, action):
        return action.dest

    def _invocation(self, action):
        if not action.option_strings:
            return self._metavar(action, self._default_metavar_positional(action))(1)[0]
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        args = self._format_args(action, self._default_metavar_optional(action))
        return ', '.join(action.option_strings) + ' ' + args

    def _usage_parts(self, actions, groups):
        inserts = {}
        group_actions = set()
        for group in groups:
            if not group._group_actions:
                raise ValueError('empty group %s' % (group,))
            if all(a.help is SUPPRESS for a in group._group_actions):
                continue
            try:
                start = actions.index(group._group_actions[0])
            except ValueError:
                continue
            end = start + len(group._group_actions)
            if actions[start:end] == group._group_actions:
                group_actions.update(id(a) for a in group._group_actions)
                inserts[start, end] = group
        parts = []
        for action in actions:
            if action.help is SUPPRESS:
                part = None
            elif not action.option_strings:
                part = self._format_args(action, self._default_metavar_positional(action))
                if id(action) in group_actions and part[:1] == '[' and part[-1:] == ']':
                    part = part[1:-1]
            else:
                option = action.option_strings[0]
                if action.nargs == 0:
                    part = action.format_usage()
                else:
                    part = '%s %s' % (option, self._format_args(
                        action, self._default_metavar_optional(action)))
                if not action.required and id(action) not in group_actions:
                    part = '[%s]' % part
            parts.append(part)
        separated = set()
        for start, end in sorted(inserts, reverse=True):
            group = inserts[start, end]
            group_parts = [p for p in parts[start:end] if p is not None]
            size = len(group_parts)
            if group.required:
                opening, closing = ('(', ')') if size > 1 else ('', '')
            else:
                opening, closing = '[', ']'
            group_parts[0] = opening + group_parts[0]
            group_parts[-1] = group_parts[-1] + closing
            for i, part in enumerate(group_parts[:-1], start=start):
                if i not in separated:
                    parts[i] = part + ' |'
                    separated.add(i)
            parts[start + size - 1] = group_parts[-1]
            for i in range(start + size, end):
                parts[i] = None
        return [p for p in parts if p is not None]

    def format_usage(self, usage, actions, groups, prefix='usage: '):
        if prefix is None:
            prefix = 'usage: '
        prog = self._prog
        if usage is not None:
            usage = usage % dict(prog=prog)
        elif not actions:
            usage = prog
        else:
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            action_usage = ' '.join(self._usage_parts(optionals + positionals, groups))
            usage = ' '.join(s for s in (prog, action_usage) if s)
            text_width = self._width
            if len(prefix) + len(usage) > text_width:
                opt_parts = self._usage_parts(optionals, groups)
                pos_parts = self._usage_parts(positionals, groups)

                def get_lines(parts, indent, first_prefix=None):
                    lines = []
                    line = []
                    indent_len = len(indent)
                    line_len = len(first_prefix) - 1 if first_prefix is not None else indent_len - 1
                    for part in parts:
                        if line_len + 1 + len(part) > text_width and line:
                            lines.append(indent + ' '.join(line))
                            line = []
                            line_len = indent_len - 1
                        line.append(part)
                        line_len += len(part) + 1
                    if line:
                        lines.append(indent + ' '.join(line))
                    if first_prefix is not None:
                        lines[0] = lines[0][indent_len:]
                    return lines

                if len(prefix) + len(prog) <= 0.75 * text_width:
                    indent = ' ' * (len(prefix) + len(prog) + 1)
                    if opt_parts:
                        lines = get_lines([prog] + opt_parts, indent, prefix)
                        lines.extend(get_lines(pos_parts, indent))
                    elif pos_parts:
                        lines = get_lines([prog] + pos_parts, indent, prefix)
                    else:
                        lines = [prog]
                else:
                    indent = ' ' * len(prefix)
                    lines = get_lines(opt_parts + pos_parts, indent)
                    if len(lines) > 1:
                        lines = get_lines(opt_parts, indent) + get_lines(pos_parts, indent)
                    lines = [prog] + lines
                usage = '\n'.join(lines)
        return '%s%s\n' % (prefix, usage)

    def _fill(self, text, width, indent):
        return '\n'.join(indent + line for line in _wrap(text, width))

    def _split_lines(self, text, width):
        return _wrap(text, width)

    def _get_help_string(self, action):
        return action.help

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], '__name__'):
                params[name] = params[name].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join(str(c) for c in params['choices'])
        return self._get_help_string(action) % params

    def _format_action(self, action, indent, max_length):
        help_position = min(max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - indent - 2
        header = self._invocation(action)
        parts = []
        if not action.help:
            parts.append('%*s%s\n' % (indent, '', header))
            indent_first = 0
        elif len(header) <= action_width:
            parts.append('%*s%-*s  ' % (indent, '', action_width, header))
            indent_first = 0
        else:
            parts.append('%*s%s\n' % (indent, '', header))
            indent_first = help_position
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append('%*s%s\n' % (indent_first, '', lines[0] if lines else ''))
                for line in lines[1:]:
                    parts.append('%*s%s\n' % (help_position, '', line))
        elif not parts[0].endswith('\n'):
            parts.append('\n')
        for sub in action._get_subactions():
            if sub.help is not SUPPRESS:
                parts.append(self._format_action(sub, indent + self._indent_increment,
                                                 max_length))
        return ''.join(parts)

    def _max_length(self, parser):
        longest = 0
        for group in parser._action_groups:
            for action in group._group_actions:
                if action.help is SUPPRESS:
                    continue
                longest = max(longest, len(self._invocation(action)) + 2)
                for sub in action._get_subactions():
                    longest = max(longest, len(self._invocation(sub)) + 4)
        return longest

    def format_help(self, parser):
        out = [self.format_usage(parser.usage, parser._actions,
                                 parser._mutually_exclusive_groups)]
        if parser.description:
            out.append('\n' + self._format_text(parser.description, '') + '\n')
        max_length = self._max_length(parser)
        for group in parser._action_groups:
            items = [self._format_action(a, 2, max_length) for a in group._group_actions
                     if a.help is not SUPPRESS]
            desc = group.description
            if not items and not desc:
                continue
            section = '\n'
            if group.title is not SUPPRESS and group.title is not None:
                section += '%s:\n' % group.title
            if desc:
                section += self._format_text(desc, '  ') + '\n\n'
            section += ''.join(items)
            out.append(section)
        if parser.epilog:
            out.append('\n' + self._format_text(parser.epilog, '') + '\n')
        text = ''.join(out)
        while '\n\n\n' in text:
            text = text.replace('\n\n\n', '\n\n')
        return text.strip('\n') + '\n'

    def _format_text(self, text, indent):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        width = max(self._width - len(indent), 11)
        return self._fill(text, width, indent)


class RawDescriptionHelpFormatter(HelpFormatter):
    def _fill(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _get_help_string(self, action):
        help = action.help
        if help is None:
            help = ''
        if '%(default)' not in help and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help += ' (default: %(default)s)'
        return help


class MetavarTypeHelpFormatter(HelpFormatter):
    def _default_metavar_optional(self, action):
        return action.type.__name__

    def _default_metavar_positional(self, action):
        return action.type.__name__


def _action_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        metavar = argument.metavar
        if not isinstance(metavar, tuple):
            return metavar
        if argument.nargs == ZERO_OR_MORE and len(metavar) == 2:
            return '%s[, %s]' % metavar
        if argument.nargs == ONE_OR_MORE:
            return '%s[, %s]' % metavar
        return ', '.join(metavar)
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return '{%s}' % ','.join(argument.choices)
    return None


class ArgumentError(Exception):
    """An error from creating or using an argument."""

    def __init__(self, argument, message):
        self.argument_name = _action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return '%s' % self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by type functions to report a bad value."""


class Namespace:
    """A simple attribute holder returned by parse_args()."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        args = []
        star_args = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                args.append('%s=%r' % (name, value))
            else:
                star_args[name] = value
        if star_args:
            args.append('**%r' % (star_args,))
        return 'Namespace(%s)' % ', '.join(args)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class Action:
    """What to do with an argument's values."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None, deprecated=False):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.deprecated = deprecated

    def _get_kwargs(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices',
                 'required', 'help', 'metavar', 'deprecated']
        return [(name, getattr(self, name)) for name in names]

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join('%s=%r' % kv for kv in self._get_kwargs()))

    def format_usage(self):
        return self.option_strings[0]

    def _get_subactions(self):
        return []

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, **kwargs):
        if nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you have nothing to '
                             'store, actions such as store true or store const may be more '
                             'appropriate')
        if kwargs.get('const') is not None and nargs != OPTIONAL:
            raise ValueError('nargs must be %r to supply const' % OPTIONAL)
        super().__init__(option_strings, dest, nargs=nargs, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None, deprecated=False):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None,
                 deprecated=False):
        super().__init__(option_strings, dest, const=True, default=default,
                         required=required, help=help, deprecated=deprecated)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None,
                 deprecated=False):
        super().__init__(option_strings, dest, const=False, default=default,
                         required=required, help=help, deprecated=deprecated)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, **kwargs):
        if nargs == 0:
            raise ValueError('nargs for append actions must be != 0; if arg strings are not '
                             'supplying the value to append, the append const action may be '
                             'more appropriate')
        super().__init__(option_strings, dest, nargs=nargs, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None, deprecated=False):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None,
                 deprecated=False):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required,
                         help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None,
                 deprecated=False):
        super().__init__(option_strings, dest, default=default, nargs=0, help=help,
                         deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit", deprecated=False):
        super().__init__(option_strings, dest, default=default, nargs=0, help=help,
                         deprecated=deprecated)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        text = formatter._fill(version % dict(prog=parser.prog) if '%(prog)' in version
                               else version, formatter._width, '')
        parser._print_message(text + '\n', _sys.stdout)
        parser.exit()


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.extend(values)
        setattr(namespace, self.dest, items)


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None,
                 deprecated=False):
        strings = []
        for option in option_strings:
            strings.append(option)
            if option.startswith('--'):
                if option.startswith('--no-'):
                    raise ValueError('invalid option name %r for BooleanOptionalAction'
                                     % (option,))
                strings.append('--no-' + option[2:])
        super().__init__(strings, dest, nargs=0, default=default, required=required,
                         help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


class _ChoicesPseudoAction(Action):
    def __init__(self, name, aliases, help):
        metavar = dest = name
        if aliases:
            metavar += ' (%s)' % ', '.join(aliases)
        super().__init__(option_strings=[], dest=dest, help=help, metavar=metavar)


class _SubParsersAction(Action):
    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        self._deprecated = set()
        super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER,
                         choices=self._name_parser_map, required=required, help=help,
                         metavar=metavar)

    def add_parser(self, name, *, deprecated=False, **kwargs):
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if name in self._name_parser_map:
            raise ArgumentError(self, 'conflicting subparser: %s' % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(self, 'conflicting subparser alias: %s' % alias)
        if 'help' in kwargs:
            self._choices_actions.append(_ChoicesPseudoAction(name, aliases,
                                                              kwargs.pop('help')))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name = values[0]
        arg_strings = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            choices = ', '.join(repr(c) for c in self._name_parser_map)
            raise ArgumentError(self, 'unknown parser %r (choices: %s)'
                                % (parser_name, choices)) from None
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            if not hasattr(namespace, '_UNRECOGNIZED_ARGS_ATTR'):
                setattr(namespace, '_UNRECOGNIZED_ARGS_ATTR', [])
            getattr(namespace, '_UNRECOGNIZED_ARGS_ATTR').extend(arg_strings)


class FileType:
    """A type factory opening files: FileType('w')."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                return _sys.stdin
            return _sys.stdout
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        args = [self._mode] if self._bufsize == -1 else [self._mode, self._bufsize]
        return '%s(%s)' % (type(self).__name__, ', '.join(repr(a) for a in args))


_ACTIONS = {
    None: _StoreAction, 'store': _StoreAction, 'store_const': _StoreConstAction,
    'store_true': _StoreTrueAction, 'store_false': _StoreFalseAction,
    'append': _AppendAction, 'append_const': _AppendConstAction, 'count': _CountAction,
    'help': _HelpAction, 'version': _VersionAction, 'parsers': _SubParsersAction,
    'extend': _ExtendAction,
}


def _nargs_range(nargs):
    """(minimum, maximum) number of arguments an nargs value accepts."""
    if nargs is None:
        return 1, 1
    if nargs == OPTIONAL:
        return 0, 1
    if nargs in (ZERO_OR_MORE, REMAINDER):
        return 0, None
    if nargs in (ONE_OR_MORE, PARSER):
        return 1, None
    if nargs == SUPPRESS:
        return 0, 0
    return nargs, nargs


class _ActionsContainer:
    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, obj):
        if registry_name == 'action':
            _ACTIONS[value] = obj

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument,'
                                 ' did you mean metavar?')
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default
        action_name = kwargs.pop('action', None)
        action_class = _ACTIONS.get(action_name, action_name)
        if not callable(action_class):
            raise ValueError('unknown action %r' % (action_class,))
        action = action_class(**kwargs)
        type_func = action.type
        if type_func is not None and not callable(type_func):
            raise ValueError('%r is not callable' % (type_func,))
        if type_func is FileType:
            raise ValueError('%r is a FileType class object, instance of it must be passed'
                             % (type_func,))
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                conflicts = [o for o in action.option_strings if o in self._option_string_actions]
                raise ArgumentError(action, 'conflicting option string%s: %s' % (
                    's' if len(conflicts) > 1 else '', ', '.join(conflicts)))
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
            if option_string[1:2].isdigit() or option_string[1:2] == '.':
                if not self._has_negative_number_optionals:
                    self._has_negative_number_optionals.append(True)
        return action

    def _get_positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        if kwargs.get('nargs') not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS, 0):
            kwargs['required'] = True
        if kwargs.get('nargs') == ZERO_OR_MORE and 'default' not in kwargs:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string[0] in self.prefix_chars:
                raise ValueError('invalid option string %r: must start with a character %r'
                                 % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)
        dest = kwargs.pop('dest', None)
        if dest is None:
            first = long_option_strings[0] if long_option_strings else option_strings[0]
            dest = first.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r' % (first,))
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault('conflict_handler', container.conflict_handler)
        kwargs.setdefault('prefix_chars', container.prefix_chars)
        kwargs.setdefault('argument_default', container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        self._container = container
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action


class ArgumentParser(_ActionsContainer):
    """Parses command-line arguments into a Namespace."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True,
                 allow_abbrev=True, exit_on_error=True, *, suggest_on_error=False,
                 color=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         argument_default=argument_default, conflict_handler=conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else 'python'
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.suggest_on_error = suggest_on_error
        self.color = color
        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None
        default_prefix = '-' if '-' in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(default_prefix + 'h', default_prefix * 2 + 'help',
                              action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if not isinstance(action, _HelpAction) or not add_help:
                    self._add_action(action)
            self._defaults.update(parent._defaults)

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def _get_kwargs(self):
        names = ['prog', 'usage', 'description', 'formatter_class', 'conflict_handler',
                 'add_help']
        return [(name, getattr(self, name)) for name in names]

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join('%s=%r' % kv for kv in self._get_kwargs()))

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            raise ArgumentError(None, 'cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            positionals = [a for a in self._actions if not a.option_strings]
            usage = formatter.format_usage(None, positionals,
                                           self._mutually_exclusive_groups, '')
            kwargs['prog'] = usage.strip()
        action = _SubParsersAction(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    # Parsing -----------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error('unrecognized arguments: %s' % ' '.join(argv))
        return args

    def parse_intermixed_args(self, args=None, namespace=None):
        return self.parse_args(args, namespace)

    def parse_known_intermixed_args(self, args=None, namespace=None):
        return self.parse_known_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and \
                    action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        if hasattr(namespace, '_UNRECOGNIZED_ARGS_ATTR'):
            args.extend(getattr(namespace, '_UNRECOGNIZED_ARGS_ATTR'))
            delattr(namespace, '_UNRECOGNIZED_ARGS_ATTR')
        return namespace, args

    def _parse_known_args(self, arg_strings, namespace):
        conflicts = {}
        for group in self._mutually_exclusive_groups:
            for i, action in enumerate(group._group_actions):
                others = conflicts.setdefault(id(action), [])
                others.extend(group._group_actions[:i])
                others.extend(group._group_actions[i + 1:])

        option_tuples = {}
        pattern = []
        rest_are_args = False
        for i, arg in enumerate(arg_strings):
            if rest_are_args:
                pattern.append('A')
            elif arg == '--':
                pattern.append('-')
                rest_are_args = True
            else:
                tup = self._parse_optional(arg)
                if tup is None:
                    pattern.append('A')
                else:
                    option_tuples[i] = tup
                    pattern.append('O')
        pattern = ''.join(pattern)

        seen_actions = set()
        seen_non_default = set()
        extras = []
        positionals = [a for a in self._actions if not a.option_strings]

        def take_action(action, argument_strings, option_string=None):
            seen_actions.add(id(action))
            values = self._get_values(action, argument_strings)
            if values is not action.default:
                seen_non_default.add(id(action))
                for conflict in conflicts.get(id(action), []):
                    if id(conflict) in seen_non_default:
                        raise ArgumentError(action, 'not allowed with argument %s'
                                            % _action_name(conflict))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def args_available(start):
            """Indices of the run of plain arguments starting at start (stops at options)."""
            n = 0
            while start + n < len(pattern) and pattern[start + n] != 'O':
                n += 1
            return n

        def consume_optional(start):
            action, option_string, explicit_arg = option_tuples[start]
            while True:
                if action is None:
                    extras.append(arg_strings[start])
                    return start + 1
                if explicit_arg is not None:
                    lo, hi = _nargs_range(action.nargs)
                    if hi == 0:
                        if option_string[1] not in self.prefix_chars and explicit_arg != '':
                            take_action(action, [], option_string)
                            char = option_string[0]
                            option_string = char + explicit_arg[0]
                            if option_string in self._option_string_actions:
                                action = self._option_string_actions[option_string]
                                explicit_arg = explicit_arg[1:] or None
                                continue
                            # An unknown flag inside a bundle goes to the extras.
                            extras.append(char + explicit_arg)
                            return start + 1
                        raise ArgumentError(action, 'ignored explicit argument %r'
                                            % (explicit_arg,))
                    self._match_argument(action, 1, 0, 'A')
                    take_action(action, [explicit_arg], option_string)
                    return start + 1
                available = args_available(start + 1)
                count = self._match_argument(action, available, start + 1, pattern)
                take_action(action, arg_strings[start + 1:start + 1 + count], option_string)
                return start + 1 + count

        def consume_positionals(start):
            available = args_available(start)
            counts = self._match_positionals(positionals, pattern, start, available)
            for action, count in zip(positionals, counts):
                args = arg_strings[start:start + count]
                if action.nargs not in (PARSER, REMAINDER):
                    args = [a for a in args if a != '--'] if '--' in args else args
                start += count
                take_action(action, args)
            del positionals[:len(counts)]
            return start

        start = 0
        max_option = max(option_tuples) if option_tuples else -1
        while start <= max_option:
            next_option = start
            while next_option <= max_option and next_option not in option_tuples:
                next_option += 1
            if start != next_option:
                end = consume_positionals(start)
                if end > start:
                    start = end
                    continue
                start = end
            if start not in option_tuples:
                extras.extend(arg_strings[start:next_option])
                start = next_option
            start = consume_optional(start)
        stop = consume_positionals(start)
        extras.extend(a for a in arg_strings[stop:])

        required = []
        for action in self._actions:
            if id(action) not in seen_actions:
                if action.required:
                    required.append(_action_name(action))
                elif (action.default is not None and isinstance(action.default, str)
                      and hasattr(namespace, action.dest)
                      and action.default is getattr(namespace, action.dest)):
                    setattr(namespace, action.dest, self._get_value(action, action.default))
        if required:
            raise ArgumentError(None, 'the following arguments are required: %s'
                                % ', '.join(required))
        for group in self._mutually_exclusive_groups:
            if group.required:
                if not any(id(a) in seen_non_default for a in group._group_actions):
                    names = [_action_name(a) for a in group._group_actions
                             if a.help is not SUPPRESS]
                    raise ArgumentError(None, 'one of the arguments %s is required'
                                        % ' '.join(names))
        return namespace, extras

    def _match_argument(self, action, available, start, pattern):
        lo, hi = _nargs_range(action.nargs)
        if action.nargs == REMAINDER or action.nargs == PARSER and available >= 1:
            return len(pattern) - start
        count = available if hi is None else min(hi, available)
        if count < lo:
            nargs = action.nargs
            if nargs is None:
                msg = 'expected one argument'
            elif nargs == OPTIONAL:
                msg = 'expected at most one argument'
            elif nargs == ONE_OR_MORE:
                msg = 'expected at least one argument'
            else:
                msg = 'expected %s argument%s' % (nargs, '' if nargs == 1 else 's')
            raise ArgumentError(action, msg)
        return count

    def _match_positionals(self, actions, pattern, start, available):
        """Greedy counts for the longest prefix of actions that fits (like a regex)."""
        plain = available
        for i in range(len(actions), 0, -1):
            chosen = actions[:i]
            ranges = [_nargs_range(a.nargs) for a in chosen]
            if sum(lo for lo, hi in ranges) > plain:
                continue
            counts = []
            left = plain
            for k, (lo, hi) in enumerate(ranges):
                rest_min = sum(r[0] for r in ranges[k + 1:])
                if chosen[k].nargs in (PARSER, REMAINDER):
                    take = len(pattern) - start - sum(counts) if chosen[k].nargs == PARSER \
                        else len(pattern) - start - sum(counts)
                    counts.append(take)
                    left = 0
                    continue
                take = left - rest_min if hi is None else min(hi, left - rest_min)
                counts.append(take)
                left -= take
            return counts
        return []

    def _parse_optional(self, arg_string):
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        if arg_string in self._option_string_actions:
            return self._option_string_actions[arg_string], arg_string, None
        if len(arg_string) == 1:
            return None
        if '=' in arg_string:
            option_string, explicit_arg = arg_string.split('=', 1)
            if option_string in self._option_string_actions:
                return self._option_string_actions[option_string], option_string, explicit_arg
        tuples = self._option_tuples(arg_string)
        if len(tuples) > 1:
            options = ', '.join(t[1] for t in tuples)
            self.error('ambiguous option: %s could match %s' % (arg_string, options))
        if len(tuples) == 1:
            return tuples[0]
        if self._is_negative_number(arg_string) and not self._has_negative_number_optionals:
            return None
        if ' ' in arg_string:
            return None
        return None, arg_string, None

    def _is_negative_number(self, s):
        if not s.startswith('-') or len(s) < 2:
            return False
        body = s[1:]
        try:
            float(body)
        except ValueError:
            return False
        return body[0].isdigit() or body[0] == '.'

    def _option_tuples(self, option_string):
        result = []
        chars = self.prefix_chars
        if option_string[0] in chars and option_string[1] in chars:
            if self.allow_abbrev:
                prefix, sep, explicit = option_string.partition('=')
                explicit = explicit if sep else None
                for candidate, action in self._option_string_actions.items():
                    if candidate.startswith(prefix):
                        result.append((action, candidate, explicit))
        elif option_string[0] in chars and option_string[1] not in chars:
            short_prefix = option_string[:2]
            short_explicit = option_string[2:]
            for candidate, action in self._option_string_actions.items():
                if candidate == short_prefix:
                    result.append((action, candidate, short_explicit))
                elif self.allow_abbrev and candidate.startswith(option_string) and \
                        candidate[1:2] in chars:
                    result.append((action, candidate, None))
        else:
            self.error('unexpected option string: %s' % option_string)
        return result

    def _get_values(self, action, arg_strings):
        nargs = action.nargs
        if not arg_strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str) and value is not SUPPRESS:
                value = self._get_value(action, value)
        elif not arg_strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else []
        elif len(arg_strings) == 1 and nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = action.type
        if type_func is None:
            return arg_string
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, '__name__', repr(type_func))
            raise ArgumentError(action, 'invalid %s value: %r' % (name, arg_string))

    def _check_value(self, action, value):
        choices = action.choices
        if choices is None:
            return
        if isinstance(choices, str):
            choices = iter(choices)
        if value not in action.choices:
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)' % (
                value, ', '.join(repr(c) for c in action.choices)))

    # Output ----------------------------------------------------------------------

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def format_usage(self):
        formatter = self._get_formatter()
        return formatter.format_usage(self.usage, self._actions, self._mutually_exclusive_groups)

    def format_help(self):
        return self._get_formatter().format_help(self)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            file = file or _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))
