: <> newfile
ls newfile
echo hello 1<> rw
cat rw
