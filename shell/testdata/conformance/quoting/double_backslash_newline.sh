echo "abc\
def"
echo "x \
 y"
