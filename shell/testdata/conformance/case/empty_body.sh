case a in a) ;; esac
echo "status $?"
