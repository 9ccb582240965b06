: > /nonexistent/dir/file
echo $?
