mkdir -p a/b
echo content > a/b/file
cd a
cat b/file
cd b
/bin/cat file
