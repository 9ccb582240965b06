mkdir bin
echo 'echo found-in-path' > bin/inc
PATH=$PWD/bin:$PATH
. inc
