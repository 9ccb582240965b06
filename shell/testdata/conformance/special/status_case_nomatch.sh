false
case x in y) ;; esac
echo $?
