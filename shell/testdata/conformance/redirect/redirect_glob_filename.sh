# expect: dash does not glob a redirection target in a non-interactive shell
touch only1
echo data > only*
ls
