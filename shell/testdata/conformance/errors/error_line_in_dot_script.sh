printf 'echo one\nnosuch_cmd_zz\n' > inc
. ./inc
