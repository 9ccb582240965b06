echo ok
done
