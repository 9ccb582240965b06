mkdir dir
touch file
echo */
echo *i*/
