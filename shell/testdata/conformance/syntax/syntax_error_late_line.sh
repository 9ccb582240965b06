echo line1
echo line2
echo line3
case x in
