echo line1 > f
echo line2 >> f
/bin/echo line3 >> f
while read l; do echo "<$l>"; done < f
