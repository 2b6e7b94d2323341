// ImportDialog: typed JSON in, onImport out only when everything is valid.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportDialog } from '../import-dialog';

function setup() {
  const onImport = vi.fn();
  const onClose = vi.fn();
  render(<ImportDialog open onClose={onClose} onImport={onImport} />);
  // fireEvent.change for JSON: user-event would read the braces as key descriptors.
  const paste = (label: string, text: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
  return { onImport, onClose, paste, user: userEvent.setup({ delay: null }) };
}

describe('ImportDialog', () => {
  it('is a labelled dialog with the two boxes and the two buttons', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Import JSON' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'rules_json' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'affiliate_ids_json' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('imports valid JSON, then closes', async () => {
    const { onImport, onClose, paste, user } = setup();
    paste(
      'rules_json',
      '[{"field":"aff_sub2","operator":"IN","value":["AFF_SUB_2_VALUE"],"negate":0}]',
    );
    paste('affiliate_ids_json', '["2", 4]');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).toHaveBeenCalledWith({
      rules: [{ field: 'aff_sub2', operator: 'IN', values: ['AFF_SUB_2_VALUE'], negate: false }],
      affiliateIds: ['2', '4'],
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('lists every problem per rule and key, keeps the text, and imports nothing', async () => {
    const { onImport, onClose, paste, user } = setup();
    const text =
      '[{"field":"country","operator":"IN","value":["DE"],"negate":0},' +
      '{"field":"country","operator":"IN","value":["DE"],"negate":0},' +
      '{"field":"country","operator":"IN","value":["XX"],"negate":7}]';
    paste('rules_json', text);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported: 2 problems to fix');
    expect(alert).toHaveTextContent("Rule 3 · value: 'XX' is not an ISO 3166-1 country code");
    expect(alert).toHaveTextContent('Rule 3 · negate: 7 is not 0 or 1');
    expect(screen.getByRole('textbox', { name: 'rules_json' })).toHaveValue(text);
    expect(onImport).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says so when the text is not JSON', async () => {
    const { onImport, paste, user } = setup();
    paste('rules_json', '[{"field": ');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Not valid JSON');
    expect(onImport).not.toHaveBeenCalled();
  });

  it('takes a whole findCashflowGroupById answer with its name and affiliates', async () => {
    const { onImport, paste, user } = setup();
    paste(
      'rules_json',
      JSON.stringify({
        request: {},
        response: {
          status: 1,
          data: {
            CashflowGroup: { id: '3', name: 'EU', description: 'Europe' },
            rules: [{ field: 'country', operator: 'IN', value: ['de'], negate: '1' }],
            affiliates: [{ id: '2', company: 'Acme' }],
          },
        },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).toHaveBeenCalledWith({
      rules: [{ field: 'country', operator: 'IN', values: ['DE'], negate: true }],
      affiliateIds: ['2'],
      name: 'EU',
      description: 'Europe',
      affiliateNames: { '2': 'Acme' },
    });
  });

  it('Cancel closes without importing', async () => {
    const { onImport, onClose, paste, user } = setup();
    paste('rules_json', '[]');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    expect(onImport).not.toHaveBeenCalled();
  });
});
