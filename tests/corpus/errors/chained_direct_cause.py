# Uncaught exception with explicit cause: "The above exception was the direct cause..."
class ConfigError(Exception):
    pass
def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError as e:
        raise ConfigError('missing setting: ' + name) from e
s = {'debug': True}
print(read_setting(s, 'debug'))
read_setting(s, 'verbose')
