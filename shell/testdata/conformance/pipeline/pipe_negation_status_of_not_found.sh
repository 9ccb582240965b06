! nosuchcmd_zz 2>/dev/null
echo $?
