case $(echo x) in x) echo case-subst;; esac
echo data > "$(echo out).txt"
cat out.txt
