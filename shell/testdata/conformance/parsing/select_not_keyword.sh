# expect: select is a bash keyword; in dash a command: not found, 127
select 2>/dev/null
echo "status $?"
