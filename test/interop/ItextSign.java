// An iText 5 signer, as many signing tools are built: lists the blank signature fields of a PDF with their page and
// rectangle, or signs one of them in append mode with a PKCS#12 key (test/signatures.test.ts compiles and runs it).
import com.itextpdf.text.pdf.AcroFields;
import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.PdfSignatureAppearance;
import com.itextpdf.text.pdf.PdfStamper;
import com.itextpdf.text.pdf.security.BouncyCastleDigest;
import com.itextpdf.text.pdf.security.DigestAlgorithms;
import com.itextpdf.text.pdf.security.ExternalSignature;
import com.itextpdf.text.pdf.security.MakeSignature;
import com.itextpdf.text.pdf.security.PrivateKeySignature;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public class ItextSign {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("list")) {
      AcroFields fields = new PdfReader(args[1]).getAcroFields();
      for (String name : fields.getBlankSignatureNames()) {
        AcroFields.FieldPosition p = fields.getFieldPositions(name).get(0);
        System.out.println(name + " " + p.page + " " + p.position.getLeft() + " " + p.position.getBottom() + " " + p.position.getRight() + " " + p.position.getTop());
      }
      return;
    }
    // sign IN OUT FIELD KEY.p12 PASSWORD
    Security.addProvider(new BouncyCastleProvider());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new FileInputStream(args[4]), args[5].toCharArray());
    String alias = store.aliases().nextElement();
    PrivateKey key = (PrivateKey) store.getKey(alias, args[5].toCharArray());
    Certificate[] chain = store.getCertificateChain(alias);
    PdfStamper stamper = PdfStamper.createSignature(new PdfReader(args[1]), new FileOutputStream(args[2]), '\0', null, true);
    PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
    appearance.setVisibleSignature(args[3]);
    ExternalSignature signature = new PrivateKeySignature(key, DigestAlgorithms.SHA256, "BC");
    MakeSignature.signDetached(appearance, new BouncyCastleDigest(), signature, chain, null, null, null, 0, MakeSignature.CryptoStandard.CMS);
  }
}
