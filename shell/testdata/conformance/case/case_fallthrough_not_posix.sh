# expect: ;& is not in POSIX 2008 and dash 0.5.12 rejects it
case a in a) echo a;& b) echo b;; esac
echo after
